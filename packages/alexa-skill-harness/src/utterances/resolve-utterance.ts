/**
 * Utterances to what Alexa would send, through the interaction model: a sample utterance with
 * `{slot}` patterns matches when every literal word matches and every slot holds words its type
 * accepts (slot-filling.ts). The most specific match wins (literal words, plus words held by
 * dates and matched custom values); two best matches that disagree are reported (or, when asked,
 * the first in model order is taken). Nothing matched: AMAZON.FallbackIntent.
 */
import type { dialog } from 'ask-sdk-model';
import { compileModel, type CompiledSample } from './compile.js';
import type { SlotInput } from './entity-resolution.js';
import { AmbiguousUtteranceError, ModelError, UnmatchedUtteranceError } from './errors.js';
import { HarnessOptionError } from '../errors.js';
import { splitInvocation } from './invocation.js';
import { matchSample, type Candidate } from './match-sample.js';
import type { LanguageModel, ModelIntent } from './model.js';
import { isRealDate, localDate, type IsoDate } from './spoken-dates.js';
import { words } from './words.js';

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

/** Options of {@link resolveUtterance}. */
export interface ResolveOptions {
  /**
   * The user's local date (`YYYY-MM-DD`): what `today`, `tomorrow`, `Saturday` are counted from.
   * Default: today in UTC on the real clock.
   */
  readonly today?: IsoDate;
  /** The skill id, for entity-resolution authorities. Default: a placeholder id. */
  readonly skillId?: string;
  /**
   * What to do when two best matches disagree: `'throw'` an {@link AmbiguousUtteranceError}
   * (default: a test's utterance or the model needs fixing), or take the `'first'` of them in
   * model order (Amazon's built-in phrases, then the model's intents and samples as listed), for
   * tools that must always answer.
   */
  readonly onAmbiguity?: 'throw' | 'first';
  /**
   * The slot the skill asked for (`Dialog.ElicitSlot`), and what its `updatedIntent` already
   * holds. As Alexa does then, the slot's own samples are heard too ("Boston", "on Saturday"),
   * ahead of a free-form reading of any other intent's sample; the answer may still be another
   * intent ("stop", "help", a whole new request). The elicited intent's known slots are kept
   * unless the answer gives them again.
   */
  readonly elicited?: ElicitedSlot;
}

/** The slot a `Dialog.ElicitSlot` asked for. */
export interface ElicitedSlot {
  readonly intent: string;
  readonly slot: string;
  /** The `updatedIntent`'s slot values. */
  readonly known?: Readonly<Record<string, SlotInput>>;
}

/**
 * The slot a `Dialog.ElicitSlot` directive asks for, as {@link resolveUtterance} takes it: the
 * intent and slot, and the slot values its `updatedIntent` holds. Undefined without one.
 */
export function elicitedSlotOf(
  directive: dialog.ElicitSlotDirective | undefined,
): ElicitedSlot | undefined {
  const intent = directive?.updatedIntent;
  if (directive === undefined || intent === undefined) return undefined;
  const known: Record<string, SlotInput> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    known[name] = slot.value === undefined ? {} : { value: slot.value };
  }
  return { intent: intent.name, slot: directive.slotToElicit, known };
}

/** How much a bare answer to the elicited slot counts over the same words read elsewhere. */
const ELICITED_BONUS = 0.5;

function withEverySlot(
  intent: ModelIntent,
  slots: Readonly<Record<string, SlotInput>>,
): Record<string, SlotInput> {
  const all: Record<string, SlotInput> = {};
  for (const s of intent.slots ?? []) all[s.name] = slots[s.name] ?? {};
  return all;
}

function filled(slots: Readonly<Record<string, SlotInput>>): Record<string, SlotInput> {
  return Object.fromEntries(Object.entries(slots).filter(([, v]) => v.value !== undefined));
}

function keyOf(c: Candidate): string {
  return JSON.stringify([
    c.sample.intent.name,
    Object.entries(c.slots)
      .map(([k, v]) => [k, v.value])
      .sort(),
  ]);
}

/** The best candidates that disagree, in model order of their first match. */
function bestDistinct(candidates: readonly Candidate[]): Candidate[] {
  const best = Math.max(...candidates.map((x) => x.score));
  const top = candidates.filter((x) => x.score === best);
  return [...new Map(top.map((x) => [keyOf(x), x])).values()];
}

function todayOf(today: string | undefined): IsoDate {
  if (today === undefined) return localDate('UTC', Date.now());
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealDate(today)) {
    throw new HarnessOptionError(`today: "${today}" is not a date written YYYY-MM-DD`);
  }
  return today;
}

/**
 * What `utterance` means in `model`: a launch, or an intent with its slots. Throws
 * {@link AmbiguousUtteranceError} when the best matches disagree (unless `onAmbiguity` is
 * `'first'`), and {@link UnmatchedUtteranceError} when nothing matches and there is no
 * fallback intent.
 */
export function resolveUtterance(
  model: LanguageModel,
  utterance: string,
  given: ResolveOptions = {},
): UtteranceMeaning {
  const options = { ...given, today: todayOf(given.today) };
  if (!Array.isArray((model as Partial<LanguageModel> | undefined)?.intents)) {
    throw new ModelError(
      'resolveUtterance(model, ...): the model is not a language model (use loadModel(path))',
    );
  }
  if (typeof utterance !== 'string') {
    throw new HarnessOptionError('resolveUtterance(model, text): text must be a string');
  }
  const c = compileModel(model);
  const opened = splitInvocation(model.invocationName, words(utterance));
  if (opened === 'launch') return { kind: 'launch' };
  const elicited = options.elicited;
  const answers = elicited && c.slotSamples.get(`${elicited.intent}/${elicited.slot}`);
  // Only for speed: a sample with a literal word that was not said cannot match.
  const said = new Set(opened.map((w) => w.lower));
  const matches = (s: CompiledSample) =>
    s.parts.every((p) => !('literal' in p) || said.has(p.literal))
      ? matchSample(c, s, opened, options)
      : [];
  const candidates = [
    ...c.startingWith(opened[0]?.lower).flatMap(matches),
    ...(answers ?? []).flatMap(matches).map((x) => ({ ...x, score: x.score + ELICITED_BONUS })),
  ];
  if (candidates.length === 0) {
    const fallback = model.intents.find((i) => i.name === 'AMAZON.FallbackIntent');
    if (fallback === undefined) {
      throw new UnmatchedUtteranceError(
        `"${utterance}" matches no sample and there is no fallback`,
      );
    }
    return { kind: 'intent', name: fallback.name, slots: {} };
  }
  const distinct = bestDistinct(candidates);
  const [winner] = distinct;
  if (winner === undefined || (distinct.length > 1 && options.onAmbiguity !== 'first')) {
    throw new AmbiguousUtteranceError(
      utterance,
      distinct.map((x) => ({
        intent: x.sample.intent.name,
        sample: x.sample.sample,
        slots: Object.fromEntries(Object.entries(x.slots).map(([k, v]) => [k, v.value ?? ''])),
      })),
    );
  }
  const name = winner.sample.intent.name;
  const known = elicited?.intent === name ? filled(elicited.known ?? {}) : {};
  return {
    kind: 'intent',
    name,
    slots: withEverySlot(winner.sample.intent, { ...known, ...winner.slots }),
    sample: winner.sample.sample,
  };
}
