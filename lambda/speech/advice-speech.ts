/**
 * The answer: one sentence (two with a big swing) saying how the day will feel, what to wear and
 * what to bring, e.g. "In Chicago tomorrow it will feel like 2 to 9 degrees, with rain likely
 * after noon: wear a warm coat over long sleeves and long pants, and take an umbrella."
 */
import type { Advice, UserUnits } from '../advice/index.js';
import type { DayForecast } from '../weather/index.js';
import { capitalize, dayWords } from './day-words.js';
import { periodWords } from './hour-words.js';
import { styleOf } from './locale.js';
import { spokenRange, spokenTemperature } from './numbers.js';
import { speakable, utterance, type Utterance } from './ssml.js';
import { pick } from './variation.js';
import { clothesWords, itemPhrases, joinWords, outerWords } from './vocabulary.js';

/** What the answer is built from. */
export interface AdviceSpeechInput {
  /** The forecast's place, date and the place's today. */
  readonly forecast: Pick<DayForecast, 'place' | 'date' | 'today'>;
  readonly advice: Advice;
  /** The user's units (Alexa Settings API). */
  readonly units: UserUnits;
  /** Chooses among wordings (the request id, say): the same seed, the same words. */
  readonly seed: string;
  /** Alexa locale (`en-US`, `en-GB`, ...). Default US English. */
  readonly locale?: string;
  /** How to name the day(s), instead of the forecast's date ("on Saturday and Sunday"). */
  readonly day?: string;
  /** The feels-like range to say, instead of the advice's own (two days said as one). */
  readonly range?: { readonly coldestC: number; readonly warmestC: number };
}

/** The spoken answer. Every outside value in it (the place name) is escaped for SSML. */
export function adviceSpeech(input: AdviceSpeechInput): Utterance {
  const { advice, units, seed, locale } = input;
  const style = styleOf(locale);
  const place = speakable(input.forecast.place.name);
  const day = input.day ?? dayWords(input.forecast.date, input.forecast.today, locale);
  const { coldestC, warmestC } = input.range ?? advice.summary;
  const range = spokenRange(coldestC, warmestC, units);

  const opener = pick(
    [
      `In ${place} ${day} it will feel like ${range}`,
      `${capitalize(day)} in ${place} it will feel like ${range}`,
      `In ${place} ${day}, expect it to feel like ${range}`,
    ],
    seed,
    'opener',
  );

  const conditions: string[] = [];
  const p = advice.precipitation;
  if (p !== null) {
    const when = periodWords(p);
    conditions.push(
      p.chance === 'likely' ? `${p.kind} likely ${when}` : `a chance of ${p.kind} ${when}`,
    );
  }
  if (advice.windy) conditions.push('strong wind');
  if (advice.strongSun) conditions.push('strong sun');
  const withConditions = conditions.length > 0 ? `, with ${joinWords(conditions, style)}` : '';

  const clothes = clothesWords(advice.top, advice.legs, style);
  const outer = outerWords(advice.outer);
  const wear =
    outer === undefined
      ? pick([`wear ${clothes}`, `${clothes} will do`, `go for ${clothes}`], seed, 'wear')
      : pick(
          [
            `wear ${outer} over ${clothes}`,
            `put on ${outer} over ${clothes}`,
            `go for ${clothes} under ${outer}`,
          ],
          seed,
          'wear',
        );

  const items = itemPhrases(advice.bring);
  const bring =
    items.length === 0
      ? ''
      : pick([', and take', ', and bring', ", and don't forget"], seed, 'bring') +
        ` ${joinWords(items, style)}`;

  const sentences = [`${opener}${withConditions}: ${wear}${bring}.`];
  const swing = advice.swing;
  if (swing !== null) {
    const morning = spokenTemperature(swing.morningC, units);
    const afternoon = spokenTemperature(swing.afternoonC, units);
    sentences.push(
      swing.direction === 'warming'
        ? `It warms up from ${morning} degrees in the morning to ${afternoon} in the afternoon, so dress in layers.`
        : `It cools down from ${morning} degrees in the morning to ${afternoon} in the afternoon, so keep a warm layer handy.`,
    );
  }
  return utterance(sentences.join(' '));
}
