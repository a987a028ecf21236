/** The simulation's figures as a table: one column per variant (shared cache, shipped key set). */
import type { ServiceCalls, SimulationResult } from './model.js';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function calls(c: ServiceCalls): string {
  const base = `${number.format(c.calls)} (peak ${number.format(c.peakPerSecond)}/s)`;
  return c.throttled === 0 ? base : `${base}, ${number.format(c.throttled)} throttled`;
}

/** The column heading of a result's variant. */
export function variantName(result: SimulationResult): string {
  const cache = result.params.sharedCache ? 'shared cache' : 'no shared cache';
  const keys = result.params.shippedKeySet ? 'key set shipped' : 'key set fetched';
  return `${cache}, ${keys}`;
}

/** The rows of the report, as [label, value per result]. */
export function reportRows(results: readonly SimulationResult[]): [string, ...string[]][] {
  const row = (label: string, value: (r: SimulationResult) => string): [string, ...string[]] => [
    label,
    ...results.map(value),
  ];
  return [
    row('variant', variantName),
    row('requests', (r) => number.format(r.requests)),
    row('peak requests/s', (r) => number.format(r.peakRps)),
    row('peak concurrency (instances busy)', (r) => number.format(r.peakConcurrency)),
    row('peak instances alive', (r) => number.format(r.peakInstances)),
    row('cold starts', (r) => number.format(r.coldStarts)),
    row('Lambda throttles', (r) => number.format(r.lambdaThrottled)),
    row('key set (Auth0 jwks.json)', (r) => calls(r.keySet)),
    row('token endpoint (proxy refreshes)', (r) => calls(r.tokenEndpoint)),
    row('peak proxy concurrency', (r) => number.format(r.peakProxyConcurrency)),
    row("refreshes refused at the proxy's reserved concurrency", (r) =>
      number.format(r.proxyThrottled),
    ),
    row('Open-Meteo geocoding', (r) => calls(r.geocoding)),
    row('Open-Meteo forecast', (r) => calls(r.forecast)),
    row('requests failed by a throttled call', (r) => number.format(r.failedRequests)),
    row(
      'table reads / writes',
      (r) => `${number.format(r.table.reads)} / ${number.format(r.table.writes)}`,
    ),
    row(
      'table request units (read / write)',
      (r) => `${number.format(r.table.readUnits)} / ${number.format(r.table.writeUnits)}`,
    ),
    row(
      'table cost, on-demand (day / 30 days)',
      (r) => `${money.format(r.table.costPerDay)} / ${money.format(r.table.costPerDay * 30)}`,
    ),
    row(
      'added latency mean / p95 / p99 (ms)',
      (r) =>
        `${r.addedLatency.meanMs.toFixed(1)} / ${r.addedLatency.p95Ms} / ${r.addedLatency.p99Ms}`,
    ),
  ];
}

/** The rows as an aligned text table (Markdown). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 3, cell.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  if (head === undefined) return '';
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
