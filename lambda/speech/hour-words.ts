/** Times of day in words: "9 in the morning", "noon", "4 in the afternoon", "after noon". */
import type { Precipitation } from '../advice/index.js';

/** A local hour (0-23) as spoken: "9 in the morning", "noon", "4 in the afternoon", "8 in the evening". */
export function hourWords(hour: number): string {
  if (hour === 0) return 'midnight';
  if (hour === 12) return 'noon';
  if (hour < 12) return `${hour} in the morning`;
  if (hour < 18) return `${hour - 12} in the afternoon`;
  return `${hour - 12} in the evening`;
}

/** When precipitation falls, in words: "all day", "in the morning", "after noon", "from 10 ... until 2 ...". */
export function periodWords(p: Pick<Precipitation, 'fromHour' | 'toHour'>): string {
  const { fromHour: from, toHour: to } = p;
  if (from <= 9 && to >= 19) return 'all day';
  if (to <= 11) return 'in the morning';
  if (from >= 18) return 'in the evening';
  if (from >= 12 && to <= 17) return 'in the afternoon';
  if (from >= 12) return 'after noon';
  if (from === to) return `around ${hourWords(from)}`;
  return `from ${hourWords(from)} until ${hourWords(to)}`;
}
