/** The interaction model as the utterance resolver reads it, and the parser of a model file. */
import { ModelError } from './errors.js';

/** One slot of an intent. */
export interface ModelSlot {
  readonly name: string;
  readonly type: string;
  /**
   * Bare answers for this slot ("{city}", "on {date}"), heard only while the skill asks for it
   * (`Dialog.ElicitSlot`).
   */
  readonly samples?: readonly string[];
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

/** A custom slot type and its values. */
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

/**
 * Parses a model file's JSON text (`{ interactionModel: { languageModel, dialog } }`). Throws
 * {@link ModelError} when it is not an interaction model.
 */
export function parseModel(text: string, file = 'model'): LanguageModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ModelError(`${file} is not JSON`, { cause });
  }
  assertIsModelFile(json, file);
  const { languageModel, dialog } = json.interactionModel;
  return { ...languageModel, dialogIntents: (dialog?.intents ?? []).map((i) => i.name) };
}
