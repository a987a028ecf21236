/** The interaction models in the repository's `models/<locale>.json`, each read once. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError } from './errors.js';
import { parseModel, type LanguageModel } from './model.js';

/** The repository's `models/` folder. */
export const MODELS_DIR = join(import.meta.dirname, '../../models');
const cache = new Map<string, LanguageModel>();

/** The locales that have a model file in `dir` (default {@link MODELS_DIR}), sorted. */
export function modelLocales(dir: string = MODELS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/**
 * The model of `locale` from `<dir>/<locale>.json` (default {@link MODELS_DIR}), read once per
 * process. Throws {@link ModelError} when the file is missing or not an interaction model.
 */
export function loadModel(locale: string, dir: string = MODELS_DIR): LanguageModel {
  const key = join(dir, `${locale}.json`);
  let model = cache.get(key);
  if (model === undefined) {
    let text: string;
    try {
      text = readFileSync(key, 'utf8');
    } catch (cause) {
      throw new ModelError(`No interaction model for ${locale} (${key})`, { cause });
    }
    model = parseModel(text, key);
    cache.set(key, model);
  }
  return model;
}
