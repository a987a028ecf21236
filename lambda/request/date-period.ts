/**
 * The span of days an AMAZON.DATE slot value names, and whether it meets the forecast window: a
 * pure answer to "could the skill forecast this?", for `CanFulfillIntentRequest`, which must not
 * call anything. Forms (Amazon's slot-type reference): `2026-11-25` a day, `XXXX-11-25` a day with
 * no year, `2026-W48` a week, `2026-W48-WE` a weekend, `2026-11` or `2026-11-XX` a month, `2026`,
 * `2026-XX` or `2026-XX-XX` a year, `202X` a decade, `2026-SP`/`SU`/`FA`/`WI` a season (northern,
 * by whole months: March to May, June to August, September to November; winter, December to
 * February, is either winter that touches the year, the one not over yet, as the intent handler
 * takes it; `hemisphere: 'south'` swaps summer and winter, spring and fall), `2026-Q4` a quarter,
 * and `PRESENT_REF` now. The one parser of these forms: the intent handler (amazon-date.ts) and
 * CanFulfillIntentRequest both read dates through it.
 */
import {
  addDays,
  dayOfWeek,
  DEFAULT_HORIZON_DAYS,
  isIsoDate,
  type IsoDate,
} from '../weather/index.js';

/** Consecutive calendar days, both ends included. */
export interface DatePeriod {
  readonly first: IsoDate;
  readonly last: IsoDate;
}

/** What kind of stretch an AMAZON.DATE value names. */
export type PeriodName =
  | 'day'
  | 'weekend'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year'
  | 'decade'
  | 'winter'
  | 'spring'
  | 'summer'
  | 'fall';

/** The days an AMAZON.DATE value names, and what they are. */
export interface NamedPeriod extends DatePeriod {
  readonly name: PeriodName;
}

/** Options of {@link amazonDatePeriod}. */
export interface DatePeriodOptions {
  /** Which way round the seasons are: `south` (en-AU) swaps summer and winter. Default `north`. */
  readonly hemisphere?: 'north' | 'south';
}

const SEASON_NAMES = { WI: 'winter', SP: 'spring', SU: 'summer', FA: 'fall' } as const;
const SOUTHERN = { WI: 'SU', SP: 'FA', SU: 'WI', FA: 'SP' } as const;

/** The first month of each season but winter, north, by whole months. */
const SEASON_START = { SP: 3, SU: 6, FA: 9 } as const;

/**
 * The days `value` names, or `undefined` when it is none of the AMAZON.DATE forms. Seasons are
 * named as said ("summer") but fall in the months of `options.hemisphere`.
 */
export function amazonDatePeriod(
  value: string,
  today: IsoDate,
  options: DatePeriodOptions = {},
): NamedPeriod | undefined {
  const v = value.trim();
  const named = (name: PeriodName, period: DatePeriod | undefined) =>
    period === undefined ? undefined : { ...period, name };
  let m: RegExpExecArray | null;
  if (v === 'PRESENT_REF') return { first: today, last: today, name: 'day' };
  if (isIsoDate(v)) return { first: v, last: v, name: 'day' };
  if ((m = /^XXXX-(\d{2}-\d{2})$/.exec(v))) return named('day', nextOccurrence(m[1] ?? '', today));
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v))) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    if (monday === undefined) return undefined;
    const weekend = m[3] !== undefined;
    return {
      first: addDays(monday, weekend ? 5 : 0),
      last: addDays(monday, 6),
      name: weekend ? 'weekend' : 'week',
    };
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])(-XX)?$/.exec(v))) {
    return named('month', months(Number(m[1]), Number(m[2]), 1));
  }
  if ((m = /^(\d{4})(-XX){0,2}$/.exec(v))) return named('year', months(Number(m[1]), 1, 12));
  if ((m = /^(\d{3})X$/.exec(v))) {
    const decade = Number(m[1]) * 10;
    return {
      first: `${pad(decade, 4)}-01-01`,
      last: `${pad(decade + 9, 4)}-12-31`,
      name: 'decade',
    };
  }
  if ((m = /^(\d{4})-(WI|SP|SU|FA)$/.exec(v))) {
    const said = m[2] as keyof typeof SEASON_NAMES;
    const season = options.hemisphere === 'south' ? SOUTHERN[said] : said;
    const year = Number(m[1]);
    if (season !== 'WI') return named(SEASON_NAMES[said], months(year, SEASON_START[season], 3));
    // Either winter touching the year: the first not over by `today`, else the later.
    const earlier = months(year, 0, 3);
    return named(SEASON_NAMES[said], earlier.last >= today ? earlier : months(year, 12, 3));
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    return named('quarter', months(Number(m[1]), Number(m[2]) * 3 - 2, 3));
  }
  return undefined;
}

/**
 * The days the skill can forecast at the instant `ms`: today and the 15 days after it (Open-Meteo's
 * horizon), from the UTC date, starting one day earlier because Alexa resolves dates in the
 * device's time zone, and US time zones are behind UTC (at 8 pm in New York, the user's "today" is
 * UTC's yesterday).
 */
export function forecastPeriod(ms: number): DatePeriod {
  const utcToday = new Date(ms).toISOString().slice(0, 10);
  return { first: addDays(utcToday, -1), last: addDays(utcToday, DEFAULT_HORIZON_DAYS - 1) };
}

/** True when the two periods share at least one day. */
export function periodsOverlap(a: DatePeriod, b: DatePeriod): boolean {
  // ISO dates compare correctly as strings.
  return a.first <= b.last && b.first <= a.last;
}

/** `count` whole months from month `month` of `year` (0 is December of the year before). */
function months(year: number, month: number, count: number): DatePeriod {
  const start = year * 12 + month - 1;
  return { first: monthStart(start), last: addDays(monthStart(start + count), -1) };
}

/** The first day of the month `index` months after January of year 0. */
function monthStart(index: number): IsoDate {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}-01`;
}

/** The next `MM-DD` on or after `today` (February 29 may be up to four years away). */
function nextOccurrence(monthDay: string, today: IsoDate): DatePeriod | undefined {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 4; y += 1) {
    const candidate = `${pad(y, 4)}-${monthDay}`;
    if (isIsoDate(candidate) && candidate >= today) return { first: candidate, last: candidate };
  }
  return undefined;
}

/**
 * Monday of ISO week `week` of ISO year `year`, or undefined when that week does not exist: a
 * week belongs to the year that holds its Thursday, which rules out week 0, week 53 of most
 * years, and anything above.
 */
function isoWeekMonday(year: number, week: number): IsoDate | undefined {
  // Week 1 holds January 4th.
  const jan4 = `${pad(year, 4)}-01-04`;
  const monday = addDays(jan4, (week - 1) * 7 - ((dayOfWeek(jan4) + 6) % 7));
  return addDays(monday, 3).startsWith(`${pad(year, 4)}-`) ? monday : undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
