/** The interaction models in `models/<locale>.json`, read once, typed for the utterance resolver. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One slot of an intent. */
export interface ModelSlot {
  readonly name: string;
  readonly type: string;
}

/** One intent with its sample utterances. */
export interface ModelIntent {
  readonly name: string;
  readonly slots?: readonly ModelSlot[];
  readonly samples?: readonly string[];
}

/** A custom slot type's value, with synonyms. */
export interface ModelTypeValue {
  readonly id?: string;
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}

export interface ModelSlotType {
  readonly name: string;
  readonly values: readonly ModelTypeValue[];
}

/** The language model of one locale (`interactionModel.languageModel`, plus its dialog intents). */
export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly ModelIntent[];
  readonly types?: readonly ModelSlotType[];
  /** Intents the model's dialog covers (Alexa sends `dialogState: STARTED` for these). */
  readonly dialogIntents?: readonly string[];
}

/** A model file's outer shape. */
interface ModelFile {
  readonly interactionModel: {
    readonly languageModel: Omit<LanguageModel, 'dialogIntents'>;
    readonly dialog?: { readonly intents?: readonly { readonly name: string }[] };
  };
}

/** A model file could not be read or has the wrong shape. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly code = 'ERR_MODEL';
}

const MODELS_DIR = join(import.meta.dirname, '../../models');
const cache = new Map<string, LanguageModel>();

/** The locales that have a model file. */
export function modelLocales(dir: string = MODELS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

function assertIsModelFile(value: unknown, file: string): asserts value is ModelFile {
  const lm = (value as { interactionModel?: { languageModel?: Record<string, unknown> } } | null)
    ?.interactionModel?.languageModel;
  const intents: unknown = lm?.['intents'];
  if (
    typeof lm?.['invocationName'] !== 'string' ||
    !Array.isArray(intents) ||
    !intents.every((i) => typeof (i as { name?: unknown } | null)?.name === 'string')
  ) {
    throw new ModelError(`${file} is not an interaction model`);
  }
}

/** Parses a model file's JSON text. */
export function parseModel(text: string, file = 'model'): LanguageModel {
  const json: unknown = JSON.parse(text);
  assertIsModelFile(json, file);
  const { languageModel, dialog } = json.interactionModel;
  return { ...languageModel, dialogIntents: (dialog?.intents ?? []).map((i) => i.name) };
}

/** The model of `locale` from `models/<locale>.json` (read once per process). */
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
