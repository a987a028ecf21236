/**
 * The rules every interaction model keeps, checked on the generated JSON:
 * - Amazon's: samples use letters, spaces, apostrophes, hyphens and periods in abbreviations
 *   ("p. m."), no digits; every `{slot}` is a slot of the intent; no sample twice in one intent or
 *   in two intents; no custom value said two ways for two ids.
 * - Ours: no intent sample is slots alone; two slots never stand side by side, except a date
 *   right after a city or an item; no sample is a built-in intent's phrase once its slots are
 *   taken out; at most MAX_SAMPLES samples per intent.
 */
import { BUILT_IN_SAMPLES } from 'alexa-skill-harness';
import { MAX_SAMPLES } from './grammar.js';
import type { InteractionModelFile } from './generate.js';

/** One broken rule: where, and what. */
export interface ModelProblem {
  readonly where: string;
  readonly problem: string;
}

const ALLOWED = /^[\p{L}\s.'{}-]+$/u;
const SLOT = /\{(\w+)\}/g;
/** A slot type whose values end where they end: it may follow another slot directly. */
const CLOSED_AFTER = new Set(['AMAZON.DATE']);

function builtInPhrases(): Set<string> {
  return new Set(
    Object.values(BUILT_IN_SAMPLES)
      .flat()
      .map((p) => p.toLowerCase()),
  );
}

function checkSample(
  sample: string,
  slots: ReadonlyMap<string, string>,
  where: string,
  asIntentSample: boolean,
): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const say = (problem: string) => problems.push({ where: `${where}: "${sample}"`, problem });
  if (!ALLOWED.test(sample)) say('has characters Amazon does not allow in a sample');
  if (/\d/.test(sample)) say('has a digit');
  if (/(^|\s)\p{L}{2,}\./u.test(sample)) say('has a period outside an abbreviation');
  for (const [, name] of sample.matchAll(SLOT)) {
    if (!slots.has(name ?? '')) say(`names a slot the intent does not have: {${name ?? ''}}`);
  }
  const parts = sample.split(/\s+/);
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    if (next === undefined || !part.startsWith('{') || !next.startsWith('{')) return;
    const nextType = slots.get(next.slice(1, -1)) ?? '';
    if (!CLOSED_AFTER.has(nextType)) say(`has two slots side by side: ${part} ${next}`);
  });
  const literal = sample.replace(SLOT, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
  if (asIntentSample && literal === '') say('is slots alone');
  if (asIntentSample && builtInPhrases().has(literal)) {
    say(`is a built-in intent's phrase ("${literal}") once its slots are taken out`);
  }
  return problems;
}

/** Every rule `model` breaks (none: an empty array). */
export function checkModel(model: InteractionModelFile): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const seen = new Map<string, string>();
  const lm = model.interactionModel.languageModel;
  for (const intent of lm.intents) {
    const slots = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    if (intent.samples.length > MAX_SAMPLES) {
      problems.push({
        where: intent.name,
        problem: `has ${intent.samples.length} samples, more than ${MAX_SAMPLES}`,
      });
    }
    for (const sample of intent.samples) {
      const key = sample.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) {
        problems.push({
          where: `${intent.name}: "${sample}"`,
          problem: `is also a sample of ${other}`,
        });
      }
      seen.set(key, intent.name);
      problems.push(...checkSample(sample, slots, intent.name, true));
    }
    for (const slot of intent.slots ?? []) {
      for (const sample of slot.samples ?? []) {
        const where = `${intent.name}.${slot.name}`;
        if (!sample.includes(`{${slot.name}}`)) {
          problems.push({ where: `${where}: "${sample}"`, problem: 'does not hold its own slot' });
        }
        problems.push(...checkSample(sample, slots, where, false));
      }
    }
  }
  for (const type of lm.types) {
    const said = new Map<string, string>();
    for (const value of type.values) {
      for (const words of [value.name.value, ...value.name.synonyms]) {
        const key = words.toLowerCase();
        const other = said.get(key);
        if (other !== undefined && other !== value.id) {
          problems.push({
            where: `${type.name}: "${words}"`,
            problem: `means both ${other} and ${value.id}`,
          });
        }
        said.set(key, value.id);
        if (!ALLOWED.test(words) || /\d/.test(words)) {
          problems.push({
            where: `${type.name}: "${words}"`,
            problem: 'has characters Amazon does not allow',
          });
        }
      }
    }
  }
  return problems;
}
