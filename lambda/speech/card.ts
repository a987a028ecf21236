/** The Standard card shown with the answer: a title and the day's details, in the user's units. */
import type { Advice, UserUnits } from '../advice/index.js';
import type { DayForecast } from '../weather/index.js';
import { capitalize, dayWords, fullDateWords } from './day-words.js';
import { periodWords } from './hour-words.js';
import { styleOf } from './locale.js';
import { writtenPrecipitation, writtenTemperature, writtenWind } from './numbers.js';
import { rememberPerAdvice } from './per-advice.js';
import { speakable } from './ssml.js';
import { clothesWords, itemPhrases, joinWords, outerWords } from './vocabulary.js';

/** A Standard card's title and text (plain text: cards are not SSML). */
export interface Card {
  readonly title: string;
  readonly text: string;
}

/** What the card is built from. */
export interface AdviceCardInput {
  readonly forecast: Pick<DayForecast, 'place' | 'date' | 'today' | 'provider' | 'stale'>;
  readonly advice: Advice;
  readonly units: UserUnits;
  readonly locale?: string;
}

/**
 * The card for an answer: where and when, how it feels, rain, wind, UV, what to wear and bring.
 * A cached forecast hands out the same advice on every request, so each card is written once per
 * advice and the few other things it shows.
 */
export function adviceCard(input: AdviceCardInput): Card {
  const { forecast, units } = input;
  return cardOf(input, input.advice, [
    forecast.place.name,
    forecast.place.region,
    forecast.date,
    forecast.today,
    forecast.provider,
    forecast.stale,
    units.temperature,
    units.distance,
    input.locale,
  ]);
}

const cardOf = rememberPerAdvice(writeCard, 32);

/**
 * The day in a card's title: "Tomorrow, Thursday, December 3rd" for today and tomorrow, else the
 * date alone ("Saturday, December 5th"): "On Saturday, Saturday, ..." says the weekday twice.
 */
function titleDay(date: string, today: string, locale?: string): string {
  const full = fullDateWords(date, locale);
  const near = dayWords(date, today, locale);
  return near === 'today' || near === 'tomorrow' ? `${capitalize(near)}, ${full}` : full;
}

/**
 * One card for two days (a weekend): the place and both dates in the title, each day's lines
 * under its date.
 */
export function twoDayCard(first: AdviceCardInput, second: AdviceCardInput): Card {
  const [a, b] = [adviceCard(first), adviceCard(second)];
  const dayOf = (input: AdviceCardInput) => fullDateWords(input.forecast.date, input.locale);
  const lines = (card: Card) => card.text.split('\n').filter((l) => !isFootnote(l));
  // Each day's notes once, in their order: a stale Saturday and a fresh Sunday say both.
  const footnotes = FOOTNOTES.filter((note) => `${a.text}\n${b.text}`.split('\n').includes(note));
  return {
    title: `${placeWords(first.forecast.place)}: ${dayOf(first)} and ${dayOf(second)}`,
    text: [dayOf(first), ...lines(a), '', dayOf(second), ...lines(b), '', ...footnotes].join('\n'),
  };
}

const DEMO_NOTE = 'Demo forecast: made up for testing, not real weather.';
const OPEN_METEO_NOTE = 'Weather data by Open-Meteo.com';
const STALE_NOTE = 'From an earlier forecast: the weather service did not answer in time.';
const FOOTNOTES = [STALE_NOTE, DEMO_NOTE, OPEN_METEO_NOTE];

/** "Chicago, Illinois": the place and its region, as a card names them. */
function placeWords(place: AdviceCardInput['forecast']['place']): string {
  return [place.name, place.region]
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => speakable(part))
    .join(', ');
}

function isFootnote(line: string): boolean {
  return FOOTNOTES.includes(line);
}

function writeCard(input: AdviceCardInput): Card {
  const { forecast, advice, units, locale } = input;
  const style = styleOf(locale);
  const s = advice.summary;
  const where = placeWords(forecast.place);
  const title = `${where}: ${titleDay(forecast.date, forecast.today, locale)}`;

  const lines: string[] = [];
  let feels = `Feels like ${writtenTemperature(s.coldestC, units)} to ${writtenTemperature(s.warmestC, units)}`;
  if (s.morningC !== null && s.afternoonC !== null) {
    feels += ` (morning ${writtenTemperature(s.morningC, units)}, afternoon ${writtenTemperature(s.afternoonC, units)})`;
  }
  lines.push(feels);

  const p = advice.precipitation;
  if (p === null) {
    lines.push('Dry');
  } else {
    const details = [
      s.maxPrecipitationProbability === null
        ? undefined
        : `up to ${s.maxPrecipitationProbability}%`,
      s.totalPrecipitationMm >= 0.5
        ? writtenPrecipitation(s.totalPrecipitationMm, units)
        : undefined,
    ].filter((d): d is string => d !== undefined);
    const what = p.chance === 'likely' ? `${capitalize(p.kind)} likely` : `A chance of ${p.kind}`;
    lines.push(`${what} ${periodWords(p)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`);
  }
  if (s.maxWindKmh !== null) lines.push(`Wind up to ${writtenWind(s.maxWindKmh, units)}`);
  if (s.maxUvIndex !== null) lines.push(`UV index up to ${Math.round(s.maxUvIndex)}`);

  const clothes = clothesWords(advice.top, advice.legs, style);
  const outer = outerWords(advice.outer);
  lines.push(`Wear: ${outer === undefined ? clothes : `${outer} over ${clothes}`}`);
  const items = itemPhrases(advice.bring);
  if (items.length > 0) lines.push(`Bring: ${joinWords(items, style)}`);
  if (advice.swing !== null)
    lines.push('Dress in layers: the temperature changes a lot during the day.');

  if (forecast.stale) lines.push(STALE_NOTE);
  lines.push(forecast.provider === 'demo' ? DEMO_NOTE : OPEN_METEO_NOTE);
  return { title, text: lines.join('\n') };
}
