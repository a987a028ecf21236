/** The doctor's pass/fail table, as plain text. */
import type { DoctorRow } from './run.js';

const HEADINGS = ['step', 'check', 'result', 'detail'] as const;

/** Formats `rows` as an aligned table, one row per line, with a heading line. */
export function formatTable(rows: readonly DoctorRow[]): string {
  const cells = rows.map((row) => [row.step, row.check, row.outcome.toUpperCase(), row.detail]);
  const all = [[...HEADINGS], ...cells];
  const widths = HEADINGS.map((_, column) =>
    Math.max(...all.map((line) => (line[column] ?? '').length)),
  );
  const format = (line: readonly string[]): string =>
    line
      .map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(all[0] ?? []), ...cells.map(format)].join('\n');
}
