/**
 * The first sentence of an answer to a question about one item: "Yes: rain is likely from 3
 * until 7 in the afternoon, so take an umbrella.", "Not today: it will feel like 45 degrees at
 * best." The rest of the answer is the day's advice (advice-speech.ts).
 */
import type { Advice, ItemId, ItemVerdict, UserUnits } from '../advice/index.js';
import { periodWords } from './hour-words.js';
import { styleOf, type EnglishStyle } from './locale.js';
import { spokenTemperature } from './numbers.js';
import { speakable } from './ssml.js';
import { outerWords } from './vocabulary.js';

const ITEM_WORDS: Readonly<Record<ItemId, string | Readonly<Record<EnglishStyle, string>>>> = {
  JACKET: 'a jacket',
  COAT: 'a coat',
  SWEATER: { us: 'a sweater', commonwealth: 'a jumper' },
  UMBRELLA: 'an umbrella',
  RAINCOAT: 'a raincoat',
  SUNSCREEN: 'sunscreen',
  SUNGLASSES: 'sunglasses',
  GLOVES: 'gloves',
  HAT: 'a hat',
  SCARF: 'a scarf',
  BOOTS: 'waterproof boots',
  SHORTS: 'shorts',
  TSHIRT: 'a t-shirt',
  LAYERS: 'layers',
  LONG_PANTS: { us: 'long pants', commonwealth: 'trousers' },
  SANDALS: 'sandals',
};

/** The item in words, in the locale's English: "a jumper" in en-GB, "a sweater" in en-US. */
export function itemWords(item: ItemId, locale?: string): string {
  const words = ITEM_WORDS[item];
  return typeof words === 'string' ? words : words[styleOf(locale)];
}

/** What the item sentence is built from. */
export interface ItemAnswerInput {
  readonly verdict: ItemVerdict;
  readonly advice: Advice;
  readonly units: UserUnits;
  /**
   * How the day is named ("today", "tomorrow", "on Saturday"), for "Not tomorrow: ..."; absent
   * when the caller names the day itself (a weekend's two answers).
   */
  readonly day?: string | undefined;
  readonly locale?: string;
}

/** Items said in the plural ("boots are"). */
const PLURAL: ReadonlySet<ItemId> = new Set([
  'SUNGLASSES',
  'GLOVES',
  'BOOTS',
  'SHORTS',
  'LAYERS',
  'LONG_PANTS',
  'SANDALS',
]);

const ANSWER_WORDS: Readonly<Record<ItemVerdict['answer'], string>> = {
  yes: 'Yes',
  no: 'No',
  maybe: 'Maybe',
};

/**
 * The sentence that answers the item question (plain text, not yet escaped): the verdict first
 * ("Yes", "No", "Maybe", "Not tomorrow"), then why, in the locale's words for the item.
 */
export function itemAnswerText(input: ItemAnswerInput): string {
  const { verdict, advice, units, locale } = input;
  const item = itemWords(verdict.item, locale);
  const p = advice.precipitation;
  const when = p === null ? '' : ` ${periodWords(p)}`;
  const low = spokenTemperature(advice.summary.coldestC, units);
  const high = spokenTemperature(advice.summary.warmestC, units);
  const outer = outerWords(advice.outer) ?? 'a light layer';
  const take = verdict.item === 'UMBRELLA' || verdict.item === 'SUNSCREEN' ? 'take' : 'bring';
  const wear = verdict.item === 'UMBRELLA' || verdict.item === 'SUNSCREEN' ? 'take' : 'wear';
  const so = {
    yes: `so ${wear} ${item}`,
    maybe: `so ${item} ${PLURAL.has(verdict.item) ? 'are' : 'is'} worth having`,
    no: `so leave ${item} at home`,
  }[verdict.answer];
  const because = ((): string => {
    switch (verdict.reason) {
      case 'rain-likely':
        return `rain is likely${when}, ${verdict.answer === 'yes' ? `so ${take} ${item}` : so}`;
      case 'rain-possible':
        return `there's a chance of rain${when}, ${so}`;
      case 'snow-likely':
        return `snow is likely${when}, ${so}`;
      case 'snow-possible':
        return `there's a chance of snow${when}, ${so}`;
      case 'too-windy-for-umbrella':
        return 'the wind will be too strong for an umbrella. Take a hooded rain jacket instead';
      case 'dry':
        return `it should stay dry, so you won't need ${item}`;
      case 'strong-uv':
        return `the sun will be strong, so ${take} ${item}`;
      case 'low-uv':
        return `the sun won't be strong enough to need ${item}`;
      case 'cold':
        return `it will feel like ${low} degrees at its coldest, so ${wear} ${item}`;
      case 'not-cold-enough':
        return `it won't be cold enough for ${item}`;
      case 'too-cold':
        return `it will feel like ${high} degrees at best`;
      case 'warm':
        return verdict.answer === 'yes'
          ? `it will feel like ${high} degrees at its warmest`
          : `it will feel like ${high} degrees, warm enough for shorts`;
      case 'coat-needed':
        return `you'll want more than a jacket: ${outer}`;
      case 'jacket-enough':
        return verdict.answer === 'yes' ? `${outer} will do` : `${outer} is enough`;
      case 'no-outer-layer':
        return `you won't need ${item}`;
      case 'temperature-swing':
        return 'the temperature changes a lot during the day';
      case 'steady-temperature':
        return 'the temperature stays fairly steady';
    }
  })();
  const answer =
    verdict.reason === 'too-cold' && input.day !== undefined
      ? `Not ${input.day}`
      : ANSWER_WORDS[verdict.answer];
  return `${answer}: ${because}.`;
}

/**
 * The sentence for an item Alexa could not resolve. What follows decides its end: the general
 * advice ("but here's what to wear"); a question about the place, the skill's first ("but I can
 * tell you what to wear"), so that "do I need a visa" is not met by a question about the postal
 * code alone; or a question about the day, which says what the skill can tell by itself.
 */
export function unknownItemText(
  said: string,
  next: 'advice' | 'place-question' | 'day-question' = 'advice',
): string {
  const name = speakable(said, 40);
  const about = `I can't say about ${name === '' ? 'that' : name}`;
  if (next === 'day-question') return `${about}.`;
  return `${about}, but ${next === 'advice' ? "here's what to wear" : 'I can tell you what to wear'}.`;
}
