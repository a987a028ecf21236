/**
 * Spoken day phrases -> AMAZON.DATE values, as Alexa resolves them from the device's today:
 * "today"/"tonight" -> today's date, "tomorrow", "the day after tomorrow", a weekday name (the
 * next such day, today included), "this weekend" -> `2026-W48-WE`, "next weekend", "this week"
 * -> `2026-W48`, "next week", and an ISO date typed as is. Small on purpose: the local
 * simulator's resolver, not Alexa's.
 */
import { addDays, dayOfWeek } from '../../lambda/weather/index.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A regular-expression source matching every phrase {@link spokenDateToAmazonDate} knows. */
export const SPOKEN_DATE_PATTERN = [
  '(?:on |for )?(?:today|tonight|this (?:morning|afternoon|evening))',
  '(?:on |for )?(?:the day after )?tomorrow',
  `(?:on |for |this |next |coming )?(?:${WEEKDAYS.join('|')})`,
  '(?:on |for |over )?(?:this |next |the )?weekend',
  '(?:for )?(?:this|next) week',
  '(?:on |for )?\\d{4}-\\d{2}-\\d{2}',
].join('|');

const WHOLE = new RegExp(`^(?:${SPOKEN_DATE_PATTERN})$`, 'i');

/** The ISO week `2026-W48` that holds `date`. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 3 - ((dayOfWeek(date) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The AMAZON.DATE value for `phrase` said on `today` (`YYYY-MM-DD`), or undefined when the
 * phrase is not one this resolver knows.
 */
export function spokenDateToAmazonDate(phrase: string, today: string): string | undefined {
  const p = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!WHOLE.test(p)) return undefined;
  const bare = p.replace(/^(?:on|for|over) /, '');
  if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(bare)) return today;
  if (bare === 'tomorrow') return addDays(today, 1);
  if (bare === 'the day after tomorrow') return addDays(today, 2);
  if (/^\d{4}-\d{2}-\d{2}$/.test(bare)) return bare;
  const nextWeek = isoWeekOf(addDays(today, 7));
  if (/weekend$/.test(bare)) return `${bare.startsWith('next') ? nextWeek : isoWeekOf(today)}-WE`;
  if (/week$/.test(bare)) return bare.startsWith('next') ? nextWeek : isoWeekOf(today);
  const name = bare.replace(/^(?:this|next|coming) /, '');
  const target = WEEKDAYS.indexOf(name);
  if (target < 0) return undefined;
  return addDays(today, (target - dayOfWeek(today) + 7) % 7);
}
