/** Clothes and things to bring, in words, per style of English. */
import type { Item, Legs, Outer, Top } from '../advice/index.js';
import type { EnglishStyle } from './locale.js';

type Words<K extends string> = Readonly<Record<K, string>>;

const TOPS: Readonly<Record<EnglishStyle, Readonly<Record<Top, readonly string[]>>>> = {
  us: {
    'light-t-shirt': ['a light t-shirt'],
    't-shirt': ['a t-shirt'],
    'long-sleeves': ['long sleeves'],
    sweater: ['a sweater'],
    'thermal-layer': ['a thermal top', 'a warm sweater'],
  },
  commonwealth: {
    'light-t-shirt': ['a light t-shirt'],
    't-shirt': ['a t-shirt'],
    'long-sleeves': ['long sleeves'],
    sweater: ['a jumper'],
    'thermal-layer': ['a thermal top', 'a warm jumper'],
  },
};

const LEGS: Readonly<Record<EnglishStyle, Words<Legs>>> = {
  us: { shorts: 'shorts', 'long-pants': 'long pants', 'thermal-leggings': 'lined winter pants' },
  commonwealth: {
    shorts: 'shorts',
    'long-pants': 'trousers',
    'thermal-leggings': 'lined winter trousers',
  },
};

const OUTERS: Words<Exclude<Outer, 'none'>> = {
  windbreaker: 'a windbreaker',
  'light-jacket': 'a light jacket',
  jacket: 'a jacket',
  'warm-coat': 'a warm coat',
  'winter-coat': 'a heavy winter coat',
};

/** What goes under the outer layer, as a list: "a t-shirt and shorts", "a thermal top, a warm sweater, and lined winter pants". */
export function clothesWords(top: Top, legs: Legs, style: EnglishStyle): string {
  return joinWords([...TOPS[style][top], LEGS[style][legs]], style);
}

/** Words for the outer layer, or undefined for none. */
export function outerWords(outer: Outer): string | undefined {
  return outer === 'none' ? undefined : OUTERS[outer];
}

const ITEMS: Words<Item> = {
  umbrella: 'an umbrella',
  'rain-jacket': 'a hooded rain jacket',
  'waterproof-boots': 'waterproof boots',
  sunglasses: 'sunglasses',
  sunscreen: 'sunscreen',
  'sun-hat': 'a sun hat',
  'warm-hat': 'a warm hat',
  gloves: 'gloves',
  scarf: 'a scarf',
};

/** Phrases for `items`, in order: ["an umbrella", "sunglasses", "sunscreen"]. */
export function itemPhrases(items: readonly Item[]): string[] {
  return items.map((item) => ITEMS[item]);
}

/** "a", "a and b", "a, b and c" (US adds the serial comma: "a, b, and c"). */
export function joinWords(words: readonly string[], style: EnglishStyle = 'us'): string {
  if (words.length <= 1) return words[0] ?? '';
  if (words.length === 2) return `${words[0] ?? ''} and ${words[1] ?? ''}`;
  const head = words.slice(0, -1).join(', ');
  return `${head}${style === 'us' ? ',' : ''} and ${words[words.length - 1] ?? ''}`;
}
