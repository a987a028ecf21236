/**
 * This repository's side of the utterance resolver: its models (`models/<locale>.json`) and the
 * `npm run utter` command. The resolver itself is the harness package's (`alexa-skill-harness`),
 * shared by the tests, the `npm start` simulator and `npm run utter`.
 */
export { loadLocaleModel, modelLocales, MODELS_DIR } from './load-model.js';
export {
  meaningWords,
  runUtterCli,
  UTTER_USAGE,
  utterLine,
  UtterUsageError,
  type UtterCliIo,
} from './cli.js';
