/**
 * What Alexa's AMAZON.DATE slot makes of spoken words, from a fixed "today" (Amazon's slot-type
 * reference): `today` -> `2026-11-25`; `tomorrow`; weekdays -> the next such day, today included;
 * `this weekend` -> `2026-W48-WE`; `next week` -> `2026-W49`; `this month` -> `2026-11`;
 * `next year` -> `2027`; `this winter` -> `2026-WI`; `this decade` -> `202X`; `now` ->
 * `PRESENT_REF`; `november twenty eighth`, `the 28th of november`, `28 november 2027` -> a full
 * date, on or after today when no year is said. For typed text, also: `this morning`, `this
 * afternoon`, `this evening` -> today; `tomorrow morning` (afternoon, evening, night) -> tomorrow; `coming friday` -> as `this friday`; `over the weekend`
 * -> as `the weekend`; an ISO date typed as is (`2026-11-28`).
 */

/** A local calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const SEASONS: Readonly<Record<string, string>> = {
  winter: 'WI',
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
};
const UNITS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
const UNIT_CARDINALS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS: Readonly<Record<string, number>> = {
  tenth: 10,
  ten: 10,
  eleventh: 11,
  eleven: 11,
  twelfth: 12,
  twelve: 12,
  thirteenth: 13,
  thirteen: 13,
  fourteenth: 14,
  fourteen: 14,
  fifteenth: 15,
  fifteen: 15,
  sixteenth: 16,
  sixteen: 16,
  seventeenth: 17,
  seventeen: 17,
  eighteenth: 18,
  eighteen: 18,
  nineteenth: 19,
  nineteen: 19,
  twentieth: 20,
  twenty: 20,
  thirtieth: 30,
  thirty: 30,
};

/** Every word that can be part of a spoken date (used to keep dates out of free-form slots). */
export const DATE_WORDS: ReadonlySet<string> = new Set([
  'today',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'coming',
  'tomorrow',
  'yesterday',
  'now',
  'weekend',
  'week',
  'month',
  'year',
  'decade',
  ...WEEKDAYS,
  ...MONTHS,
  ...Object.keys(SEASONS),
]);

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 ... Sunday = 6. */
function weekdayOf(date: IsoDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** `YYYY-Www` of the ISO week holding `date`. */
export function isoWeekOf(date: IsoDate): string {
  const thursday = addDays(date, 3 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** True when `date` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isRealDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** A day of the month said as `28`, `28th`, `twenty eighth`, `twenty-eighth`, `first`. */
function dayNumber(words: readonly string[]): number | undefined {
  const joined = words.join('-');
  const numeric = /^(\d{1,2})(st|nd|rd|th)?$/.exec(joined);
  if (numeric) return Number(numeric[1]);
  const parts = joined.split('-');
  const unit = (w: string | undefined) => {
    const i = UNITS.indexOf(w ?? '');
    const j = UNIT_CARDINALS.indexOf(w ?? '');
    return i >= 0 ? i + 1 : j >= 0 ? j + 1 : undefined;
  };
  if (parts.length === 1) return unit(parts[0]) ?? TEENS[parts[0] ?? ''];
  if (parts.length === 2 && (parts[0] === 'twenty' || parts[0] === 'thirty')) {
    const u = unit(parts[1]);
    return u === undefined ? undefined : (parts[0] === 'twenty' ? 20 : 30) + u;
  }
  return undefined;
}

function fullDate(year: number, month: number, day: number): IsoDate | undefined {
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(date) ? date : undefined;
}

/** A day and month said in any English order, with an optional 4-digit year. */
function explicitDate(words: readonly string[], today: IsoDate): string | undefined {
  let rest = [...words];
  let year: number | undefined;
  const last = rest[rest.length - 1];
  if (last !== undefined && /^\d{4}$/.test(last)) {
    year = Number(last);
    rest = rest.slice(0, -1);
  }
  if (rest[0] === 'the') rest = rest.slice(1);
  let dayWords: string[];
  const monthAt = rest.findIndex((w) => (MONTHS as readonly string[]).includes(w));
  if (monthAt < 0) return undefined;
  const month = MONTHS.indexOf(rest[monthAt] as (typeof MONTHS)[number]) + 1;
  if (monthAt === 0) {
    dayWords = rest.slice(1);
    if (dayWords[0] === 'the') dayWords = dayWords.slice(1);
  } else {
    dayWords = rest.slice(0, monthAt);
    if (monthAt !== rest.length - 1) return undefined;
    if (dayWords[dayWords.length - 1] === 'of') dayWords = dayWords.slice(0, -1);
  }
  if (dayWords.length === 0) return undefined;
  const day = dayNumber(dayWords);
  if (day === undefined) return undefined;
  const thisYear = Number(today.slice(0, 4));
  if (year !== undefined) return fullDate(year, month, day);
  const candidate = fullDate(thisYear, month, day);
  if (candidate !== undefined && candidate >= today) return candidate;
  return fullDate(thisYear + 1, month, day);
}

/**
 * The AMAZON.DATE value Alexa would send for `phrase` (lower-case words) said on `today`, or
 * `undefined` when the words are not a date.
 */
export function spokenDate(phrase: readonly string[], today: IsoDate): string | undefined {
  let words = phrase.map((w) => w.toLowerCase());
  if (words[0] === 'on' || words[0] === 'for') words = words.slice(1);
  if (words[0] === 'over' && words[words.length - 1] === 'weekend') words = words.slice(1);
  const said = words.join(' ');
  const year = Number(today.slice(0, 4));
  const week = isoWeekOf(today);
  const nextWeek = isoWeekOf(addDays(today, 7));
  switch (said) {
    case 'today':
    case 'tonight':
    case 'this morning':
    case 'this afternoon':
    case 'this evening':
      return today;
    case 'now':
    case 'right now':
      return 'PRESENT_REF';
    case 'tomorrow':
    case 'tomorrow morning':
    case 'tomorrow afternoon':
    case 'tomorrow evening':
    case 'tomorrow night':
      return addDays(today, 1);
    case 'the day after tomorrow':
      return addDays(today, 2);
    case 'yesterday':
      return addDays(today, -1);
    case 'this weekend':
    case 'the weekend':
    case 'weekend':
      return `${week}-WE`;
    case 'next weekend':
      return `${nextWeek}-WE`;
    case 'this week':
      return week;
    case 'next week':
      return nextWeek;
    case 'this month':
      return today.slice(0, 7);
    case 'next month': {
      const month = Number(today.slice(5, 7));
      return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    }
    case 'this year':
      return String(year);
    case 'next year':
      return String(year + 1);
    case 'this decade':
      return `${String(year).slice(0, 3)}X`;
    default:
      break;
  }
  const [first, second] = words;
  if (words.length === 2 && first === 'this' && second !== undefined && second in SEASONS) {
    return `${year}-${SEASONS[second] ?? ''}`;
  }
  const weekday = (w: string | undefined) => WEEKDAYS.indexOf(w as (typeof WEEKDAYS)[number]);
  if (words.length === 1 && weekday(first) >= 0) {
    return addDays(today, (weekday(first) - weekdayOf(today) + 7) % 7);
  }
  if (words.length === 2 && (first === 'this' || first === 'coming') && weekday(second) >= 0) {
    return addDays(today, (weekday(second) - weekdayOf(today) + 7) % 7);
  }
  if (words.length === 2 && first === 'next' && weekday(second) >= 0) {
    return addDays(today, 7 - weekdayOf(today) + weekday(second));
  }
  if (words.length === 1 && first !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(first)) {
    return isRealDate(first) ? first : undefined;
  }
  return explicitDate(words, today);
}

/** The calendar date in `timeZone` (IANA) at `nowMs`. */
export function localDate(timeZone: string, nowMs: number): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(nowMs));
}
