/** The interaction models in the repository's `models/<locale>.json`, each read once. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, type LanguageModel } from 'alexa-skill-harness';

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
 * process with the harness package's `loadModel`. Throws its `ModelError` when the file is
 * missing or not an interaction model.
 */
export function loadLocaleModel(locale: string, dir: string = MODELS_DIR): LanguageModel {
  const key = join(dir, `${locale}.json`);
  let model = cache.get(key);
  if (model === undefined) {
    model = loadModel(key);
    cache.set(key, model);
  }
  return model;
}
