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
  /** For a slot's own sample (a bare answer), the slot it answers. */
  readonly forSlot?: string;
}

/** A model prepared for matching. */
export interface CompiledModel {
  readonly model: LanguageModel;
  readonly carrierWords: ReadonlySet<string>;
  readonly samples: readonly CompiledSample[];
  /**
   * The samples that can match words starting with a given word: those whose first part is that
   * literal word, and those that start with a slot (in model order). Only for speed: a sample
   * whose first word differs can never match.
   */
  startingWith(word: string | undefined): readonly CompiledSample[];
  /** The slots' own samples, by `intent/slot`: heard only while that slot is asked for. */
  readonly slotSamples: ReadonlyMap<string, readonly CompiledSample[]>;
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
  const slotSamples = new Map<string, CompiledSample[]>();
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
    for (const slot of intent.slots ?? []) {
      const own = (slot.samples ?? []).map((sample) => {
        const p = parts(sample);
        for (const part of p) if ('literal' in part) carrier.add(part.literal);
        return { intent, sample, parts: p, forSlot: slot.name };
      });
      if (own.length > 0) slotSamples.set(`${intent.name}/${slot.name}`, own);
    }
  }
  for (const w of PLACE_WORDS) carrier.delete(w);
  const byFirstWord = new Map<string, CompiledSample[]>();
  const slotFirst: CompiledSample[] = [];
  for (const sample of samples) {
    const first = sample.parts[0];
    if (first !== undefined && 'literal' in first) {
      const list = byFirstWord.get(first.literal) ?? [];
      list.push(sample);
      byFirstWord.set(first.literal, list);
    } else {
      slotFirst.push(sample);
    }
  }
  const order = new Map(samples.map((x, i) => [x, i]));
  const startingWith = (word: string | undefined): readonly CompiledSample[] => {
    const literal = word === undefined ? undefined : byFirstWord.get(word);
    if (literal === undefined) return slotFirst;
    if (slotFirst.length === 0) return literal;
    // In model order, as the samples were listed (the first best match wins a tie).
    return [...literal, ...slotFirst].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  };
  c = { model, carrierWords: carrier, samples, startingWith, slotSamples };
  compiled.set(model, c);
  return c;
}
