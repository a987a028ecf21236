/**
 * The utterance resolver: typed or spoken text -> what Alexa would send, through an interaction
 * model, with Amazon's built-in intents and slot types filled as Alexa fills them.
 */
export {
  elicitedSlotOf,
  resolveUtterance,
  type ElicitedSlot,
  type ResolveOptions,
  type UtteranceMeaning,
} from './resolve-utterance.js';
export {
  entityResolution,
  PLACEHOLDER_SKILL_ID,
  resolutionOf,
  type SlotInput,
} from './entity-resolution.js';
export { BUILT_IN_SAMPLES } from './built-in-intents.js';
export { words, type Word } from './words.js';
export {
  DATE_WORDS,
  isoWeekOf,
  isRealDate,
  localDate,
  MONTHS,
  spokenDate,
  WEEKDAYS,
  type IsoDate,
} from './spoken-dates.js';
export {
  parseModel,
  type LanguageModel,
  type ModelIntent,
  type ModelSlot,
  type ModelSlotType,
  type ModelTypeValue,
} from './model.js';
export { loadModel } from './load-model.js';
export {
  AmbiguousUtteranceError,
  ModelError,
  UnmatchedUtteranceError,
  UtterancesError,
  type AmbiguousCandidate,
} from './errors.js';
export { NUMBER_WORDS, spokenNumber } from './spoken-numbers.js';
