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
import { rememberPerAdvice } from './per-advice.js';
import { choiceIndex, seedHash } from './variation.js';
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

/**
 * The spoken answer. Every outside value in it (the place name) is escaped for SSML. The words
 * depend on the seed only through its three choices of wording, so an answer is written once
 * per advice, choices and the few other things it says (see per-advice.ts).
 */
export function adviceSpeech(input: AdviceSpeechInput): Utterance {
  const { forecast, advice, units } = input;
  const seed = seedHash(input.seed);
  const { coldestC, warmestC } = input.range ?? advice.summary;
  const choices: Choices = {
    opener: choiceIndex(seed, 'opener', OPENERS.length),
    wear: choiceIndex(seed, 'wear', WEAR.length),
    bring: advice.bring.length === 0 ? 0 : choiceIndex(seed, 'bring', BRING.length),
  };
  // The wording first: with many seeds, an advice's other answers differ there at once.
  return speechOf({ input, choices }, advice, [
    (choices.opener * WEAR.length + choices.wear) * BRING.length + choices.bring,
    forecast.place.name,
    forecast.date,
    forecast.today,
    units.temperature,
    input.locale,
    input.day,
    coldestC,
    warmestC,
  ]);
}

/** The wording chosen for each part, as indexes into its table below. */
interface Choices {
  readonly opener: number;
  readonly wear: number;
  readonly bring: number;
}

const OPENERS = [
  (place: string, day: string, range: string) => `In ${place} ${day} it will feel like ${range}`,
  (place: string, day: string, range: string) =>
    `${capitalize(day)} in ${place} it will feel like ${range}`,
  (place: string, day: string, range: string) =>
    `In ${place} ${day}, expect it to feel like ${range}`,
] as const;
const WEAR = [
  (clothes: string) => `wear ${clothes}`,
  (clothes: string) => `${clothes} will do`,
  (clothes: string) => `go for ${clothes}`,
] as const;
const WEAR_OVER = [
  (outer: string, clothes: string) => `wear ${outer} over ${clothes}`,
  (outer: string, clothes: string) => `put on ${outer} over ${clothes}`,
  (outer: string, clothes: string) => `go for ${clothes} under ${outer}`,
] as const;
const BRING = [', and take', ', and bring', ", and don't forget"] as const;

const speechOf = rememberPerAdvice(writeSpeech, 64);

function writeSpeech({
  input,
  choices,
}: {
  readonly input: AdviceSpeechInput;
  readonly choices: Choices;
}): Utterance {
  const { advice, units, locale } = input;
  const style = styleOf(locale);
  const place = speakable(input.forecast.place.name);
  const day = input.day ?? dayWords(input.forecast.date, input.forecast.today, locale);
  const { coldestC, warmestC } = input.range ?? advice.summary;
  const range = spokenRange(coldestC, warmestC, units);

  const opener = (OPENERS[choices.opener] ?? OPENERS[0])(place, day, range);

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
      ? (WEAR[choices.wear] ?? WEAR[0])(clothes)
      : (WEAR_OVER[choices.wear] ?? WEAR_OVER[0])(outer, clothes);

  const items = itemPhrases(advice.bring);
  const bring =
    items.length === 0 ? '' : `${BRING[choices.bring] ?? BRING[0]} ${joinWords(items, style)}`;

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
