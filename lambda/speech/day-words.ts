/** How a day is named: "today", "tomorrow", "on Saturday", "on March 3rd" (or "on the 3rd of March"). */
import { dayOfWeek, daysBetween, type IsoDate } from '../weather/index.js';
import { styleOf } from './locale.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${n % 10 > 3 ? 'th' : suffix}`;
}

/** The weekday name of `date`. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAYS[dayOfWeek(date)] ?? '';
}

/** "March 3rd" (US) or "the 3rd of March" (Commonwealth). */
export function calendarWords(date: IsoDate, locale?: string): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  const day = ordinal(Number(date.slice(8, 10)));
  return styleOf(locale) === 'us' ? `${month} ${day}` : `the ${day} of ${month}`;
}

/**
 * How to say `date` seen from `today`: "today", "tomorrow", "on Saturday" within the coming week,
 * "on March 3rd" beyond it (and for past dates).
 */
export function dayWords(date: IsoDate, today: IsoDate, locale?: string): string {
  const ahead = daysBetween(today, date);
  if (ahead === 0) return 'today';
  if (ahead === 1) return 'tomorrow';
  if (ahead > 1 && ahead < 7) return `on ${weekdayName(date)}`;
  return `on ${calendarWords(date, locale)}`;
}

/** "Saturday, March 3rd": the full date, for cards and the horizon sentence. */
export function fullDateWords(date: IsoDate, locale?: string): string {
  return `${weekdayName(date)}, ${calendarWords(date, locale)}`;
}

/** `words` with a capital first letter. */
export function capitalize(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
