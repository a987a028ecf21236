/**
 * What a slot makes of the words it would hold. AMAZON.DATE: a spoken date, as its ISO value.
 * AMAZON.City: up to four words of letters, none a carrier word of the model, a date word or a
 * word that is never part of a place name ("tell", "joke", "hello"). Custom types: a value or
 * synonym of the type, whatever its words ("a jacket"), resolved to its id; else, as Alexa does
 * (a custom type is not an enumeration), up to four free words with `ER_SUCCESS_NO_MATCH`.
 * AMAZON.NUMBER: a spoken number, as digits ("three" -> "3"). AMAZON.FirstName: one word of
 * letters. Anything else: up to four words, none a carrier or date word, kept as spoken.
 */
import type { CompiledModel } from './compile.js';
import { entityResolution, type SlotInput } from './entity-resolution.js';
import type { ModelSlotType } from './model.js';
import { DATE_WORDS, spokenDate, type IsoDate } from './spoken-dates.js';
import { spokenNumber } from './spoken-numbers.js';
import type { Word } from './words.js';

const MAX_FREE_WORDS = 4;
/**
 * An unlisted value of a custom type is the weakest reading of its words: "what should I wear for
 * Boston" is a city, not a purpose nobody listed.
 */
const UNLISTED_WEIGHT = -0.5;
const MAX_DATE_WORDS = 6;

/** Words that never make (part of) a city, although no sample of the model uses them. */
const NOT_IN_PLACES: ReadonlySet<string> = new Set(
  (
    'i me my you your we what whats how why who when where which should would could can do does ' +
    'did is are was be tell say play joke wear weather please thanks thank hello hi hey yes no ok ' +
    'okay alexa skill open start help stop cancel and or but not here there home inside outside ' +
    'outdoors indoors'
  ).split(' '),
);
/** Words that join the parts of a sample: never inside a custom slot's unlisted value. */
const JOINING_WORDS: ReadonlySet<string> = new Set(
  'in on for to at and or if is it with from of by than as'.split(' '),
);
/** Words that may open a custom slot's unlisted value although samples use them. */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'my', 'the', 'our', 'some']);
const CITY_WORD = /^\p{L}[\p{L}\p{M}'-]*$/u;

/** What slot filling needs to know besides the words. */
export interface SlotContext {
  /** The user's local date, for AMAZON.DATE. */
  readonly today: IsoDate;
  /** The skill id, for entity-resolution authorities. */
  readonly skillId?: string;
}

/** A filled slot and how much it counts toward the match's specificity. */
export interface FilledSlot {
  readonly input: SlotInput;
  readonly weight: number;
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

function isCity(span: readonly Word[]): boolean {
  return span.every(
    (w) => CITY_WORD.test(w.spoken) && !NOT_IN_PLACES.has(w.lower.replace(/'/g, '')),
  );
}

/** What a slot of `type` makes of `span`; `undefined` when the words cannot fill it. */
export function fillSlot(
  c: CompiledModel,
  type: string,
  span: readonly Word[],
  context: SlotContext,
): FilledSlot | undefined {
  if (type === 'AMAZON.DATE') {
    if (span.length > MAX_DATE_WORDS) return undefined;
    const value = spokenDate(
      span.map((w) => w.lower),
      context.today,
    );
    return value === undefined ? undefined : { input: { value }, weight: span.length };
  }
  if (type === 'AMAZON.NUMBER') {
    const value = spokenNumber(span.map((w) => w.lower));
    return value === undefined ? undefined : { input: { value }, weight: span.length };
  }
  if (type === 'AMAZON.FirstName' && (span.length > 1 || !isCity(span))) return undefined;
  const spoken = span.map((w) => w.spoken).join(' ');
  const custom = c.model.types?.find((t) => t.name === type);
  // A value of the type (or a synonym) is heard whatever words it holds ("a jacket").
  const match = custom === undefined ? undefined : matchValue(custom, spoken);
  if (match !== undefined) {
    return {
      input: { value: spoken, resolutions: entityResolution(type, match, context.skillId) },
      weight: span.length,
    };
  }
  if (span.length > MAX_FREE_WORDS) return undefined;
  // A custom value may start with a determiner the samples use too ("a wedding").
  const free =
    custom === undefined || !DETERMINERS.has(span[0]?.lower ?? '') ? span : span.slice(1);
  if (free.length === 0) return undefined;
  // A custom value nobody listed may hold the model's words ("a dress": "dress" is a carrier
  // word), but never the words that join a sample's parts, or a date.
  const excluded = custom === undefined ? c.carrierWords : JOINING_WORDS;
  if (free.some((w) => excluded.has(w.lower) || DATE_WORDS.has(w.lower))) return undefined;
  if (type === 'AMAZON.City' && !isCity(span)) return undefined;
  if (custom === undefined) return { input: { value: spoken }, weight: 0 };
  return {
    input: { value: spoken, resolutions: entityResolution(type, undefined, context.skillId) },
    weight: UNLISTED_WEIGHT,
  };
}
