export { adviceSpeech, type AdviceSpeechInput } from './advice-speech.js';
export {
  answerSpeech,
  type AnsweredDay,
  type AnswerSpeechInput,
  type ItemAsked,
} from './answer-speech.js';
export { itemAnswerText, itemWords, unknownItemText, type ItemAnswerInput } from './item-answer.js';
export { adviceCard, twoDayCard, type AdviceCardInput, type Card } from './card.js';
export {
  beyondHorizonSpeech,
  datePastSpeech,
  forecastReachText,
  placeNotFoundSpeech,
  weatherErrorSpeech,
  weatherUnavailableSpeech,
  whichCitySpeech,
  type FailureOptions,
  type FailureSpeech,
} from './failures.js';
export {
  calendarWords,
  capitalize,
  dayWords,
  fullDateWords,
  ordinal,
  weekdayName,
} from './day-words.js';
export { hourWords, periodWords } from './hour-words.js';
export { styleOf, type EnglishStyle } from './locale.js';
export { spokenRange, spokenTemperature } from './numbers.js';
export {
  escapeSsml,
  MAX_SPOKEN_VALUE_LENGTH,
  speakable,
  utterance,
  type Utterance,
} from './ssml.js';
export { pick } from './variation.js';
