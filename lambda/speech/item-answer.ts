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
  /** How the day is named: "today", "tomorrow", "on Saturday". */
  readonly day: string;
  readonly locale?: string;
}

/** The sentence that answers the item question (plain text, not yet escaped). */
export function itemAnswerText(input: ItemAnswerInput): string {
  const { verdict, advice, units, day, locale } = input;
  const item = itemWords(verdict.item, locale);
  const p = advice.precipitation;
  const when = p === null ? '' : ` ${periodWords(p)}`;
  const low = spokenTemperature(advice.summary.coldestC, units);
  const high = spokenTemperature(advice.summary.warmestC, units);
  const outer = outerWords(advice.outer) ?? 'a light layer';
  const use = verdict.item === 'UMBRELLA' || verdict.item === 'SUNSCREEN' ? 'take' : 'wear';
  switch (verdict.reason) {
    case 'rain-likely':
      return `Yes: rain is likely${when}, so ${use === 'take' ? 'take' : 'bring'} ${item}.`;
    case 'rain-possible':
      return `Maybe: there's a chance of rain${when}, so ${item} is worth having.`;
    case 'snow-likely':
      return `Yes: snow is likely${when}, so ${use} ${item}.`;
    case 'snow-possible':
      return `Maybe: there's a chance of snow${when}, so ${item} is worth having.`;
    case 'too-windy-for-umbrella':
      return 'Not an umbrella: the wind will be too strong for one. Take a hooded rain jacket instead.';
    case 'dry':
      return `No: it should stay dry, so you won't need ${item}.`;
    case 'strong-uv':
      return `Yes: the sun will be strong, so ${use === 'take' ? 'take' : 'bring'} ${item}.`;
    case 'low-uv':
      return `No: the sun won't be strong enough to need ${item}.`;
    case 'cold':
      return `Yes: it will feel like ${low} degrees at its coldest, so ${use} ${item}.`;
    case 'not-cold-enough':
      return `No: it won't be cold enough for ${item}.`;
    case 'too-cold':
      return `Not ${day}: it will feel like ${high} degrees at best.`;
    case 'warm':
      return verdict.answer === 'yes'
        ? `Yes: it will feel like ${high} degrees at its warmest.`
        : `No: it will feel like ${high} degrees, warm enough for shorts.`;
    case 'coat-needed':
      return `You'll want more than a jacket: ${outer}.`;
    case 'jacket-enough':
      return verdict.answer === 'yes' ? `Yes: ${outer} will do.` : `No: ${outer} is enough.`;
    case 'no-outer-layer':
      return `No: you won't need ${item}.`;
    case 'temperature-swing':
      return 'Yes: the temperature changes a lot during the day.';
    case 'steady-temperature':
      return 'No need: the temperature stays fairly steady.';
  }
}

/** The sentence for an item Alexa could not resolve: the general advice follows. */
export function unknownItemText(said: string): string {
  const name = speakable(said, 40);
  return name === ''
    ? "I can't say about that, but here's what to wear."
    : `I can't say about ${name}, but here's what to wear.`;
}
