/**
 * What Alexa's AMAZON.NUMBER slot makes of spoken words: the number as digits ("three" -> "3",
 * "twenty-one" -> "21", "two hundred and five" -> "205", "minus four" -> "-4"); digits typed as
 * they are. Undefined when the words are not a number.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1e6 };

/** Every word that can be part of a spoken number. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...Object.keys(SCALES),
  'minus',
  'negative',
  'and',
  'a',
]);

/** The AMAZON.NUMBER value for `phrase` (lower-case words), or undefined. */
export function spokenNumber(phrase: readonly string[]): string | undefined {
  const words = phrase.flatMap((w) => w.toLowerCase().split('-')).filter((w) => w !== '');
  if (words.length === 1 && /^-?\d+$/.test(words[0] ?? '')) return String(Number(words[0]));
  let sign = 1;
  let rest = words;
  if (rest[0] === 'minus' || rest[0] === 'negative') {
    sign = -1;
    rest = rest.slice(1);
  }
  if (rest.length === 0) return undefined;
  let total = 0;
  let group = 0;
  let last: 'none' | 'unit' | 'ten' | 'scale' | 'and' = 'none';
  for (const [i, word] of rest.entries()) {
    if (word === 'a' && i === 0 && SCALES[rest[1] ?? ''] !== undefined) {
      group = 1;
      last = 'unit';
    } else if (word === 'and' && last === 'scale') {
      last = 'and';
    } else if (UNITS[word] !== undefined && last !== 'unit') {
      if (last === 'ten' && (UNITS[word] ?? 0) >= 10) return undefined;
      group += UNITS[word] ?? 0;
      last = 'unit';
    } else if (
      TENS[word] !== undefined &&
      (last === 'none' || last === 'scale' || last === 'and')
    ) {
      group += TENS[word] ?? 0;
      last = 'ten';
    } else if (SCALES[word] !== undefined && last !== 'scale' && last !== 'none') {
      const scale = SCALES[word] ?? 1;
      if (scale === 100) group *= 100;
      else {
        total += group * scale;
        group = 0;
      }
      last = 'scale';
    } else {
      return undefined;
    }
  }
  if (last === 'and') return undefined;
  return String(sign * (total + group));
}
