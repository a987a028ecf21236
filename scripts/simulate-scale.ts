/**
 * `npm run simulate:scale -- [--users N] [--seed N] [--requests-per-user X] [--places N]
 * [--auth0-plan free|essentials|enterprise] [--open-meteo free|paid] [--account-concurrency N]
 * [--proxy-reserved N] [--deployed-at H] [--json]`: a day of the skill's traffic in virtual time
 * (scripts/simulate-scale/model.ts), four times: with and without the shared weather cache, with
 * and without the key set shipped with the deployment. Prints the figures as a table (or JSON
 * lines). No I/O; its time grows with the users (about 5 s for a million, under a minute for ten).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  defaultParams,
  simulateDay,
  type Auth0Plan,
  type SimulationParams,
  type SimulationResult,
} from './simulate-scale/model.js';
import { formatTable, reportRows } from './simulate-scale/report.js';

const USAGE = `Usage: npm run simulate:scale -- [options]

A day of traffic in virtual time against rate-limited stand-ins of the key set, the token
endpoint and Open-Meteo, with and without the shared weather cache and the shipped key set.

  --users N                daily users (default 1000000)
  --requests-per-user X    skill requests per user and day (default 1.5)
  --places N               distinct places asked (default users / 25, 100 to 40000)
  --auth0-plan P           free, essentials or enterprise (default free)
  --open-meteo P           free (600/min, 5000/h, 10000/day) or paid (no limit) (default free)
  --account-concurrency N  the account's Lambda concurrency quota (default 1000)
  --proxy-reserved N       the proxy's reserved concurrency, 0 for none (default 10, as deployed)
  --deployed-at H          the hour of the deploy that shipped the key set, 0 to 23 (default 0)
  --seed N                 the random seed (default 1)
  --json                   one JSON object per variant instead of the table
  -h, --help               this help

Exits 0 after printing, 2 on a bad command line.`;

/** A command line that cannot be run. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What the command line asks for. */
export interface SimulateOptions {
  readonly params: SimulationParams;
  readonly json: boolean;
  readonly help: boolean;
}

function whole(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return n;
}

/** Parses `argv` strictly; throws {@link UsageError} naming what is wrong. */
export function parseSimulateArgs(argv: readonly string[]): SimulateOptions {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        users: { type: 'string' },
        'requests-per-user': { type: 'string' },
        places: { type: 'string' },
        'auth0-plan': { type: 'string' },
        'open-meteo': { type: 'string' },
        'account-concurrency': { type: 'string' },
        'proxy-reserved': { type: 'string' },
        'deployed-at': { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const users = whole('users', values.users, 1, 100_000_000) ?? 1_000_000;
  const base = defaultParams(users);
  const perUser = values['requests-per-user'];
  let requestsPerUser = base.requestsPerUser;
  if (perUser !== undefined) {
    requestsPerUser = /^\d+(\.\d+)?$/.test(perUser) ? Number(perUser) : Number.NaN;
    if (!(requestsPerUser >= 1 && requestsPerUser <= 50)) {
      throw new UsageError(`--requests-per-user takes a number from 1 to 50 (got "${perUser}")`);
    }
  }
  const plan = values['auth0-plan'] ?? base.auth0Plan;
  if (plan !== 'free' && plan !== 'essentials' && plan !== 'enterprise') {
    throw new UsageError(`--auth0-plan takes free, essentials or enterprise (got "${plan}")`);
  }
  const openMeteo = values['open-meteo'] ?? 'free';
  if (openMeteo !== 'free' && openMeteo !== 'paid') {
    throw new UsageError(`--open-meteo takes free or paid (got "${openMeteo}")`);
  }
  return {
    help: values.help === true,
    json: values.json === true,
    params: {
      ...base,
      requestsPerUser,
      places: whole('places', values.places, 1, 1_000_000) ?? base.places,
      auth0Plan: plan satisfies Auth0Plan,
      openMeteoFreeTier: openMeteo === 'free',
      accountConcurrency:
        whole('account-concurrency', values['account-concurrency'], 1, 1_000_000) ??
        base.accountConcurrency,
      proxyReservedConcurrency:
        whole('proxy-reserved', values['proxy-reserved'], 0, 1000) ?? base.proxyReservedConcurrency,
      shippedKeySetAt: (whole('deployed-at', values['deployed-at'], 0, 23) ?? 0) * 3_600_000,
      seed: whole('seed', values.seed, 0, 4_294_967_295) ?? base.seed,
    },
  };
}

/** The four variants of `params`: without and with the shared cache, each without and with the shipped key set. */
export function simulateVariants(params: SimulationParams): SimulationResult[] {
  const results: SimulationResult[] = [];
  for (const sharedCache of [false, true]) {
    for (const shippedKeySet of [false, true]) {
      results.push(simulateDay({ ...params, sharedCache, shippedKeySet }));
    }
  }
  return results;
}

function main(argv: readonly string[]): number {
  let options: SimulateOptions;
  try {
    options = parseSimulateArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`simulate:scale: ${error.message} (--help for usage)\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const p = options.params;
  const started = performance.now();
  const results = simulateVariants(p);
  if (options.json) {
    for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  process.stdout.write(
    `A day at ${p.users.toLocaleString('en-US')} daily users, ${p.requestsPerUser} requests each, ` +
      `${p.places.toLocaleString('en-US')} places; Auth0 ${p.auth0Plan} plan, Open-Meteo ` +
      `${p.openMeteoFreeTier ? 'free tier' : 'paid (no limit)'}, account concurrency ` +
      `${p.accountConcurrency.toLocaleString('en-US')}, proxy reserved concurrency ` +
      `${p.proxyReservedConcurrency === 0 ? 'none' : p.proxyReservedConcurrency}, key set ` +
      `shipped at ${String(p.shippedKeySetAt / 3_600_000).padStart(2, '0')}:00, seed ${p.seed}\n\n`,
  );
  process.stdout.write(`${formatTable(reportRows(results))}\n\n`);
  process.stdout.write(
    `(simulated in ${((performance.now() - started) / 1000).toFixed(1)} s; assumptions in docs/SCALE.md)\n`,
  );
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
