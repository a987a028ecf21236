/**
 * The interaction model's grammar and its generator: `npm run build:models` writes
 * `models/<locale>.json` from grammar.ts; test/tools/model-grammar checks the files are current
 * and keep Amazon's rules and ours (rules.ts).
 */
export { expand, TemplateError } from './expand.js';
export {
  BUILT_IN_INTENTS,
  generateModel,
  grammarLocales,
  intentSamples,
  modelText,
  type InteractionModelFile,
} from './generate.js';
export { checkModel, type ModelProblem } from './rules.js';
export { INTENT, ITEM_TYPE, MAX_SAMPLES, PURPOSE_TYPE } from './grammar.js';
