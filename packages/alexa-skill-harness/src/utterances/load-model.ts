/** An interaction model read from its JSON file. */
import { readFileSync } from 'node:fs';
import { requireString } from '../errors.js';
import { ModelError } from './errors.js';
import { parseModel, type LanguageModel } from './model.js';

/**
 * The interaction model in the JSON file at `path` (`{ interactionModel: { languageModel } }`,
 * as the ASK CLI keeps it in `skill-package/interactionModels/custom/<locale>.json`). Throws
 * {@link ModelError} when the file cannot be read or is not an interaction model.
 */
export function loadModel(path: string): LanguageModel {
  requireString(path, 'loadModel(path)');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ModelError(`Cannot read the interaction model ${path}`, { cause });
  }
  return parseModel(text, path);
}
