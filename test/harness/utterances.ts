/**
 * Utterances to requests, through the interaction model, as Alexa would hear them: a sample
 * utterance with `{slot}` patterns matches when every literal word matches and every slot holds
 * words its type accepts (AMAZON.DATE: a spoken date, resolved to its ISO value from the fixed
 * "today"; AMAZON.City and other free-form slots: up to four words, none a carrier word of the
 * model or a date word, kept as spoken). The most specific match wins (literal words, plus words
 * held by typed slots); two best matches that disagree are reported, never guessed. Nothing
 * matched: AMAZON.FallbackIntent.
 */
import type { slu } from 'ask-sdk-model';
import type { LanguageModel, ModelIntent, ModelSlotType } from './model.js';
import { entityResolution, type SlotInput } from './requests.js';
import { DATE_WORDS, spokenDate, type IsoDate } from './spoken-dates.js';

/** What an utterance means. */
export type UtteranceMeaning =
  | { readonly kind: 'launch' }
  | {
      readonly kind: 'intent';
      readonly name: string;
      /** Slot values as Alexa sends them: every slot of the intent, filled or not. */
      readonly slots: Readonly<Record<string, SlotInput>>;
      /** The sample utterance that matched; none for the fallback. */
      readonly sample?: string;
    };

export interface ResolveOptions {
  /** The user's local date: what `today`, `tomorrow`, `Saturday` are counted from. */
  readonly today: IsoDate;
  /** The skill id, for entity-resolution authorities. */
  readonly skillId?: string;
}

/** Two or more best matches disagree: the test's utterance (or the model) needs fixing. */
export class AmbiguousUtteranceError extends Error {
  override readonly name = 'AmbiguousUtteranceError';
  readonly code = 'ERR_UTTERANCE_AMBIGUOUS';
  constructor(
    readonly utterance: string,
    readonly candidates: readonly {
      intent: string;
      sample: string;
      slots: Record<string, string>;
    }[],
  ) {
    super(
      `"${utterance}" is ambiguous: ${candidates
        .map((c) => `${c.intent} via "${c.sample}" ${JSON.stringify(c.slots)}`)
        .join('; ')}`,
    );
  }
}

/** Nothing matched and the model has no AMAZON.FallbackIntent. */
export class UnmatchedUtteranceError extends Error {
  override readonly name = 'UnmatchedUtteranceError';
  readonly code = 'ERR_UTTERANCE_UNMATCHED';
}

/** Phrases of Amazon's built-in intents, used when the model declares the intent. */
export const BUILT_IN_SAMPLES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.HelpIntent': [
    'help',
    'help me',
    'what can you do',
    'what can I say',
    'how does this work',
  ],
  'AMAZON.StopIntent': ['stop', 'shut up', 'be quiet', 'off'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'sure'],
  'AMAZON.NoIntent': ['no', 'nope', 'no thanks'],
};

/** Words a free-form slot may still contain although samples use them. */
const PLACE_WORDS = new Set(['the', 'of']);
const MAX_FREE_WORDS = 4;
const MAX_DATE_WORDS = 6;

interface Word {
  readonly lower: string;
  readonly spoken: string;
}

/** Splits an utterance into words: punctuation dropped, apostrophes and hyphens kept. */
export function words(utterance: string): Word[] {
  return utterance
    .replace(/[.,!?;:"()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((spoken) => ({ spoken, lower: spoken.toLowerCase() }));
}

type Part = { readonly literal: string } | { readonly slot: string };

function parts(sample: string): Part[] {
  return sample
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => {
      const m = /^\{(\w+)\}$/.exec(p);
      return m?.[1] === undefined ? { literal: p.toLowerCase() } : { slot: m[1] };
    });
}

interface Candidate {
  readonly intent: ModelIntent;
  readonly sample: string;
  readonly score: number;
  readonly slots: Record<string, SlotInput>;
}

interface Compiled {
  readonly model: LanguageModel;
  readonly carrierWords: ReadonlySet<string>;
  readonly samples: readonly { intent: ModelIntent; sample: string; parts: Part[] }[];
}

const compiled = new WeakMap<LanguageModel, Compiled>();

function compile(model: LanguageModel): Compiled {
  let c = compiled.get(model);
  if (c !== undefined) return c;
  const samples: Compiled['samples'][number][] = [];
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

/** What a slot of `type` makes of `span`, and how much it counts toward specificity. */
function fillSlot(
  c: Compiled,
  type: string,
  span: readonly Word[],
  options: ResolveOptions,
): { input: SlotInput; weight: number } | undefined {
  if (type === 'AMAZON.DATE') {
    if (span.length > MAX_DATE_WORDS) return undefined;
    const value = spokenDate(
      span.map((w) => w.lower),
      options.today,
    );
    return value === undefined ? undefined : { input: { value }, weight: span.length };
  }
  if (span.length > MAX_FREE_WORDS) return undefined;
  if (span.some((w) => c.carrierWords.has(w.lower) || DATE_WORDS.has(w.lower))) return undefined;
  const spoken = span.map((w) => w.spoken).join(' ');
  const custom = c.model.types?.find((t) => t.name === type);
  if (custom === undefined) return { input: { value: spoken }, weight: 0 };
  const match = matchValue(custom, spoken);
  return {
    input: {
      value: spoken,
      resolutions: entityResolution(type, match, options.skillId),
    },
    weight: match === undefined ? 0 : span.length,
  };
}

function matchValue(
  type: ModelSlotType,
  spoken: string,
): { name: string; id?: string } | undefined {
  const said = spoken.toLowerCase();
  for (const v of type.values) {
    const names = [v.name.value, ...(v.name.synonyms ?? [])].map((n) => n.toLowerCase());
    if (names.includes(said)) return { name: v.name.value, ...(v.id ? { id: v.id } : {}) };
  }
  return undefined;
}

function matchSample(
  c: Compiled,
  intent: ModelIntent,
  sample: string,
  sampleParts: readonly Part[],
  said: readonly Word[],
  options: ResolveOptions,
): Candidate[] {
  const found: Candidate[] = [];
  const walk = (pi: number, wi: number, score: number, slots: Record<string, SlotInput>): void => {
    if (pi === sampleParts.length) {
      if (wi === said.length) found.push({ intent, sample, score, slots: { ...slots } });
      return;
    }
    const part = sampleParts[pi];
    if (part === undefined) return;
    if ('literal' in part) {
      if (said[wi]?.lower === part.literal) walk(pi + 1, wi + 1, score + 1, slots);
      return;
    }
    const type = intent.slots?.find((s) => s.name === part.slot)?.type ?? 'AMAZON.SearchQuery';
    for (let end = wi + 1; end <= said.length; end += 1) {
      const filled = fillSlot(c, type, said.slice(wi, end), options);
      if (filled === undefined) continue;
      walk(pi + 1, end, score + filled.weight, { ...slots, [part.slot]: filled.input });
    }
  };
  walk(0, 0, 0, {});
  return found;
}

function withEverySlot(intent: ModelIntent, slots: Record<string, SlotInput>) {
  const all: Record<string, SlotInput> = {};
  for (const s of intent.slots ?? []) all[s.name] = slots[s.name] ?? {};
  return all;
}

function keyOf(c: Candidate): string {
  return JSON.stringify([
    c.intent.name,
    Object.entries(c.slots)
      .map(([k, v]) => [k, v.value])
      .sort(),
  ]);
}

/** Splits off "open <invocation>" (a launch) and "ask <invocation> (to) ..." (a one-shot). */
function invocation(model: LanguageModel, said: Word[]): Word[] | 'launch' {
  let rest = said;
  if (rest[0]?.lower === 'alexa') rest = rest.slice(1);
  const name = words(model.invocationName).map((w) => w.lower);
  const [verb] = rest;
  const named = name.every((w, i) => rest[i + 1]?.lower === w);
  if (verb === undefined || !named) return said;
  const after = rest.slice(1 + name.length);
  if (['open', 'launch', 'start'].includes(verb.lower) && after.length === 0) return 'launch';
  if (['ask', 'tell'].includes(verb.lower)) {
    return ['to', 'for', 'about', 'whether'].includes(after[0]?.lower ?? '')
      ? after.slice(1)
      : after;
  }
  return said;
}

/**
 * What `utterance` means in `model`: a launch, or an intent with its slots. Throws
 * {@link AmbiguousUtteranceError} when the best matches disagree, and
 * {@link UnmatchedUtteranceError} when nothing matches and there is no fallback intent.
 */
export function resolveUtterance(
  model: LanguageModel,
  utterance: string,
  options: ResolveOptions,
): UtteranceMeaning {
  const c = compile(model);
  const opened = invocation(model, words(utterance));
  if (opened === 'launch') return { kind: 'launch' };
  const candidates = c.samples.flatMap((s) =>
    matchSample(c, s.intent, s.sample, s.parts, opened, options),
  );
  if (candidates.length === 0) {
    const fallback = model.intents.find((i) => i.name === 'AMAZON.FallbackIntent');
    if (fallback === undefined) {
      throw new UnmatchedUtteranceError(
        `"${utterance}" matches no sample and there is no fallback`,
      );
    }
    return { kind: 'intent', name: fallback.name, slots: {} };
  }
  const best = Math.max(...candidates.map((x) => x.score));
  const top = candidates.filter((x) => x.score === best);
  const distinct = [...new Map(top.map((x) => [keyOf(x), x])).values()];
  const [winner] = distinct;
  if (winner === undefined || distinct.length > 1) {
    throw new AmbiguousUtteranceError(
      utterance,
      distinct.map((x) => ({
        intent: x.intent.name,
        sample: x.sample,
        slots: Object.fromEntries(Object.entries(x.slots).map(([k, v]) => [k, v.value ?? ''])),
      })),
    );
  }
  return {
    kind: 'intent',
    name: winner.intent.name,
    slots: withEverySlot(winner.intent, winner.slots),
    sample: winner.sample,
  };
}

/** The entity resolution of a resolved slot, if any (a convenience for assertions). */
export function resolutionOf(
  slot: SlotInput | undefined,
): slu.entityresolution.Resolution | undefined {
  return slot?.resolutions?.resolutionsPerAuthority?.[0];
}
