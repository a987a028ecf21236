/** Assertions on a skill's response envelope: the chai plugin and what the user heard. */
export {
  alexaAssertions,
  repromptOf,
  speechOf,
  spokenText,
  type CardExpectation,
} from './chai-alexa.js';
