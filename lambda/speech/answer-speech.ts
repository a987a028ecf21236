/**
 * The whole spoken answer to a request: a note when the city's day is not the user's ("It's
 * already Thursday in Paris."), the answer to an item question first, then the advice for the
 * day, or for Saturday and Sunday (one sentence when they call for the same clothes).
 */
import type { Advice, ItemId, UserUnits } from '../advice/index.js';
import { itemVerdict } from '../advice/index.js';
import type { DayForecast } from '../weather/index.js';
import { adviceSpeech } from './advice-speech.js';
import { capitalize, dayWords, weekdayName } from './day-words.js';
import { itemAnswerText, unknownItemText } from './item-answer.js';
import { speakable, utterance, type Utterance } from './ssml.js';

/** One day's forecast and advice. */
export interface AnsweredDay {
  readonly forecast: Pick<DayForecast, 'place' | 'date' | 'today'>;
  readonly advice: Advice;
}

/** The item asked about: its id when entity resolution matched one, and the words said. */
export interface ItemAsked {
  readonly id?: ItemId;
  readonly said: string;
}

/** What the answer is built from. */
export interface AnswerSpeechInput {
  /** One day, or two (a weekend), in order. */
  readonly days: readonly [AnsweredDay] | readonly [AnsweredDay, AnsweredDay];
  readonly units: UserUnits;
  readonly seed: string;
  readonly locale?: string;
  readonly item?: ItemAsked | undefined;
  /**
   * The user's date, when the city is already on a later day and the answer's day counts from
   * the city's (the user's date is past there, or "tomorrow" said is the city's today): the
   * answer says so first.
   */
  readonly usersToday?: string | undefined;
  /** A sentence said before the rest ("That month starts on January 1st."). */
  readonly lead?: string | undefined;
}

/** The clothes two days call for are the same: one sentence can say both. */
function sameClothes(a: Advice, b: Advice): boolean {
  return (
    a.top === b.top &&
    a.legs === b.legs &&
    a.outer === b.outer &&
    a.windy === b.windy &&
    a.strongSun === b.strongSun &&
    (a.precipitation === null) === (b.precipitation === null) &&
    a.bring.join() === b.bring.join() &&
    (a.swing === null) === (b.swing === null)
  );
}

/** "It's already Thursday in Paris.": the answer is for the city's today, past the user's. */
function zoneNote(day: AnsweredDay, usersToday: string | undefined): string | undefined {
  const cityToday = day.forecast.today;
  if (usersToday === undefined || cityToday <= usersToday) return undefined;
  return `It's already ${weekdayName(cityToday)} in ${speakable(day.forecast.place.name)}.`;
}

function itemText(input: AnswerSpeechInput): string | undefined {
  const { item, days, units, locale } = input;
  if (item === undefined) return undefined;
  const { id } = item;
  if (id === undefined) return unknownItemText(item.said);
  const twoDays = days.length > 1;
  const sentences = days.map((d) => {
    const day = dayWords(d.forecast.date, d.forecast.today, locale);
    const verdict = itemVerdict(id, d.advice);
    // For two days, each sentence is introduced with its day: the verdict does not repeat it.
    const text = itemAnswerText({
      verdict,
      advice: d.advice,
      units,
      day: twoDays ? undefined : day,
      locale,
    });
    return { day, verdict, text };
  });
  const [first, second] = sentences;
  if (first === undefined) return undefined;
  if (second === undefined || second.text === first.text) return first.text;
  const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
  return `${capitalize(first.day)}, ${lower(first.text)} ${capitalize(second.day)}, ${lower(second.text)}`;
}

function adviceText(input: AnswerSpeechInput): string {
  const { days, units, seed, locale } = input;
  const [first, second] = days;
  if (second === undefined)
    return adviceSpeech({ forecast: first.forecast, advice: first.advice, units, seed, locale })
      .text;
  if (sameClothes(first.advice, second.advice)) {
    const day = `on ${weekdayName(first.forecast.date)} and ${weekdayName(second.forecast.date)}`;
    const range = {
      coldestC: Math.min(first.advice.summary.coldestC, second.advice.summary.coldestC),
      warmestC: Math.max(first.advice.summary.warmestC, second.advice.summary.warmestC),
    };
    return adviceSpeech({
      forecast: first.forecast,
      advice: first.advice,
      units,
      seed,
      locale,
      day,
      range,
    }).text;
  }
  return [first, second]
    .map((d) => adviceSpeech({ forecast: d.forecast, advice: d.advice, units, seed, locale }).text)
    .join(' ');
}

/** The spoken answer. Every outside value in it (place names, words said) is escaped. */
export function answerSpeech(input: AnswerSpeechInput): Utterance {
  const [first, second] = input.days;
  const { units, seed, locale } = input;
  const note = zoneNote(first, input.usersToday);
  // The usual answer, one day and nothing before it, is the day's advice as it is.
  if (
    second === undefined &&
    input.item === undefined &&
    note === undefined &&
    input.lead === undefined
  ) {
    return adviceSpeech({ forecast: first.forecast, advice: first.advice, units, seed, locale });
  }
  const parts = [note, input.lead, itemText(input), adviceText(input)];
  return utterance(parts.filter((p): p is string => p !== undefined).join(' '));
}
