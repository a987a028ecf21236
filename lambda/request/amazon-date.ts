/**
 * AMAZON.DATE slot values narrowed to the one day the advice is for. Alexa resolves what the user
 * said into one of these forms (Amazon's slot-type reference):
 * `2026-11-25` a day; `2026-W48` a week; `2026-W48-WE` a weekend; `2026-11` a month; `2026` a
 * year; `PRESENT_REF` now; `XXXX-11-25` a day with no year; `2026-WI` a season; `201X` a decade.
 */

import { addDays, isIsoDate, type IsoDate } from '../weather/index.js';

export type { IsoDate } from '../weather/index.js';

/** The day meant, or why none can be chosen. */
export type AmazonDateResolution =
  | { readonly kind: 'day'; readonly date: IsoDate }
  | { readonly kind: 'unsupported'; readonly value: string };

const DAY_MS = 86_400_000;

/**
 * Narrows `value` to one day, given the user's `today`: a week or month that holds today means
 * today, otherwise its first day; a weekend means its Saturday (or today, on its Sunday); a day
 * without a year means its next occurrence. Seasons, years other than this one, and decades are
 * unsupported.
 */
export function resolveAmazonDate(value: string | undefined, today: IsoDate): AmazonDateResolution {
  const v = (value ?? '').trim();
  if (v === '' || v === 'PRESENT_REF') return { kind: 'day', date: today };
  let m: RegExpExecArray | null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return isIsoDate(v) ? { kind: 'day', date: v } : { kind: 'unsupported', value: v };
  }
  if ((m = /^XXXX-(\d{2})-(\d{2})$/.exec(v))) {
    const year = Number(today.slice(0, 4));
    const candidate = `${year}-${m[1]}-${m[2]}`;
    const next = candidate >= today ? candidate : `${year + 1}-${m[1]}-${m[2]}`;
    return isIsoDate(next) ? { kind: 'day', date: next } : { kind: 'unsupported', value: v };
  }
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v))) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    if (monday === undefined) return { kind: 'unsupported', value: v };
    if (m[3] !== undefined) {
      const saturday = addDays(monday, 5);
      const sunday = addDays(monday, 6);
      return { kind: 'day', date: today === sunday ? sunday : saturday };
    }
    const sunday = addDays(monday, 6);
    return { kind: 'day', date: today >= monday && today <= sunday ? today : monday };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { kind: 'unsupported', value: v };
    return { kind: 'day', date: today.startsWith(`${v}-`) ? today : `${v}-01` };
  }
  if (/^\d{4}$/.test(v) && today.startsWith(`${v}-`)) return { kind: 'day', date: today };
  return { kind: 'unsupported', value: v };
}

/** Monday of ISO week `week` of ISO year `year`, or undefined when that week does not exist. */
function isoWeekMonday(year: number, week: number): IsoDate | undefined {
  if (week < 1 || week > 53) return undefined;
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - jan4Weekday * DAY_MS + (week - 1) * 7 * DAY_MS;
  const date = new Date(monday).toISOString().slice(0, 10);
  // Week 53 exists only when the year has 53 ISO weeks: its Thursday is still in `year`.
  if (new Date(monday + 3 * DAY_MS).getUTCFullYear() !== year) return undefined;
  return date;
}
