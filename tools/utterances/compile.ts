/**
 * A model prepared for matching, once per model: every sample (Amazon's built-in phrases first,
 * then the model's, in model order) split into literal words and `{slot}` parts, and the model's
 * carrier words (the literal words of its own samples), which a free-form slot never holds.
 */
import { BUILT_IN_SAMPLES } from './built-in-intents.js';
import type { LanguageModel, ModelIntent } from './model.js';

/** A literal word (lower case) or a `{slot}` of a sample. */
export type Part = { readonly literal: string } | { readonly slot: string };

/** One sample of one intent, split into parts. */
export interface CompiledSample {
  readonly intent: ModelIntent;
  readonly sample: string;
  readonly parts: readonly Part[];
}

/** A model prepared for matching. */
export interface CompiledModel {
  readonly model: LanguageModel;
  readonly carrierWords: ReadonlySet<string>;
  readonly samples: readonly CompiledSample[];
}

/** Words a free-form slot may still contain although samples use them. */
const PLACE_WORDS = ['the', 'of'];

const compiled = new WeakMap<LanguageModel, CompiledModel>();

function parts(sample: string): Part[] {
  return sample
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => {
      const m = /^\{(\w+)\}$/.exec(p);
      return m?.[1] === undefined ? { literal: p.toLowerCase() } : { slot: m[1] };
    });
}

/** `model` prepared for matching (cached per model object). */
export function compileModel(model: LanguageModel): CompiledModel {
  let c = compiled.get(model);
  if (c !== undefined) return c;
  const samples: CompiledSample[] = [];
  const carrier = new Set<string>();
  for (const intent of model.intents) {
    const all = [...(BUILT_IN_SAMPLES[intent.name] ?? []), ...(intent.samples ?? [])];
    for (const sample of all) {
      const p = parts(sample);
      samples.push({ intent, sample, parts: p });
      if (!(intent.name in BUILT_IN_SAMPLES)) {
        for (const part of p) if ('literal' in part) carrier.add(part.literal);
      }
    }
  }
  for (const w of PLACE_WORDS) carrier.delete(w);
  c = { model, carrierWords: carrier, samples };
  compiled.set(model, c);
  return c;
}
