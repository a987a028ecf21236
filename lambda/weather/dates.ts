/**
 * Calendar arithmetic on local dates (`YYYY-MM-DD`), and "today" in a time zone. Dates are plain
 * calendar days: arithmetic runs in UTC so that daylight-saving changes never shift a day.
 */
import { memo } from '../../common/memo.js';
import type { IsoDate } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const isIsoDateString = memo((value: string): boolean => {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
});

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && value.length === 10 && isIsoDateString(value);
}

// Faster than Date.parse, and the same for the YYYY-MM-DD dates this module takes.
const toUtcMs = memo((date: IsoDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
);

const fromUtcMs = memo((ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10));

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Day of the week, 0 (Sunday) to 6 (Saturday). */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/**
 * The canonical IANA zones of this runtime's ICU (`Intl.supportedValuesOf`, about 1 ms to read).
 * Every one of them is a plain name (letters, `/`, `_`, `-`; no digits), which matters below.
 */
let canonicalZones: ReadonlySet<string> | undefined;
const isCanonicalZone = (timeZone: string): boolean =>
  (canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'))).has(timeZone);

/**
 * True when `timeZone` is an IANA zone this runtime knows: a canonical name, or an alias
 * (`US/Central`, `UTC`) that `Intl.DateTimeFormat` takes.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  return isCanonicalZone(timeZone) || aliasFormatter(timeZone) !== undefined;
}

/**
 * The local date at `epochMs` in a canonical zone, read through `Date` with the process's zone
 * switched to it for the duration of this synchronous call, then put back.
 *
 * Why not `Intl.DateTimeFormat`: the first one a process makes costs about 25 ms, whatever the zone
 * or locale (V8 builds its list of available locales), and a fresh process's first request paid
 * it; switching `TZ` costs about 20 µs and `Date` reads the same ICU zone data. Node applies an
 * assignment to `process.env.TZ` at once (documented since Node 13). Nothing else runs between
 * the two assignments, and the skill reads no local time elsewhere (its logs and dates are UTC).
 * A test compares this with `Intl.DateTimeFormat` for every canonical zone around its transitions.
 */
function dateInZone(epochMs: number, timeZone: string): IsoDate {
  const previous = process.env['TZ'];
  process.env['TZ'] = timeZone;
  try {
    const at = new Date(epochMs);
    const year = String(at.getFullYear()).padStart(4, '0');
    const month = String(at.getMonth() + 1).padStart(2, '0');
    const day = String(at.getDate()).padStart(2, '0');
    return `${year}-${month}-${day}`;
  } finally {
    if (previous === undefined) delete process.env['TZ'];
    else process.env['TZ'] = previous;
  }
}

/** Formatters of the alias zones the runtime knows, made on first use. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The date formatter of an alias zone (`US/Central`), made once; undefined when
 * `Intl.DateTimeFormat` refuses the zone (its making is the check, and a refusal is not kept).
 */
function aliasFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      // en-CA formats dates as YYYY-MM-DD.
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      return undefined;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date at `epochMs` through a zone's formatter. */
function dateByFormatter(epochMs: number, formatter: Intl.DateTimeFormat): IsoDate {
  const parts = formatter.formatToParts(epochMs);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The UTC date of an instant (not memoised: instants rarely repeat, unlike {@link fromUtcMs}'s days). */
function utcDateAt(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The last answer per zone, by UTC minute: every zone's offset is a whole number of minutes. */
const lastAnswers = new Map<string, { minute: number; date: IsoDate }>();

/**
 * The local date at instant `epochMs` in `timeZone` (IANA). When the zone is unknown to the
 * runtime, `fallbackOffsetSeconds` (the zone's UTC offset, if known) is used, else UTC.
 */
export function localDate(epochMs: number, timeZone: string, fallbackOffsetSeconds = 0): IsoDate {
  const minute = Math.floor(epochMs / 60_000);
  const last = lastAnswers.get(timeZone);
  if (last !== undefined && last.minute === minute) return last.date;
  let date: IsoDate;
  if (timeZone === 'UTC') date = utcDateAt(epochMs);
  else if (isCanonicalZone(timeZone)) date = dateInZone(epochMs, timeZone);
  else {
    const formatter = aliasFormatter(timeZone);
    if (formatter === undefined) return utcDateAt(epochMs + fallbackOffsetSeconds * 1000);
    date = dateByFormatter(epochMs, formatter);
  }
  lastAnswers.set(timeZone, { minute, date });
  return date;
}
