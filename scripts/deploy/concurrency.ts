/**
 * The proxy's reserved concurrency, decided at deploy from the account's Lambda quota.
 *
 * A reservation bounds what a flood of calls to the proxy's public URL can take from the skill,
 * but Lambda refuses any reservation that leaves the account fewer than 100 unreserved
 * executions, and new accounts often have a total quota of 10 or 50: there the stack would fail.
 * So the deploy reads the quota (`aws lambda get-account-settings`) and reserves only when the
 * reservation leaves Lambda its 100; otherwise the stack is deployed without one, and says so.
 */
import { isRecord, parseJsonObject } from '../../common/json.js';
import { readProfileUserConfig } from './ask-resources.js';
import { readProfileState } from './project.js';
import type { CommandRunner } from './runner.js';

/** The unreserved executions Lambda keeps for the account whatever is reserved. */
export const LAMBDA_MIN_UNRESERVED = 100;

/** The account's concurrency, as `GetAccountSettings` reports it. */
export interface AccountConcurrency {
  /** `AccountLimit.ConcurrentExecutions`: the account's total in the region. */
  readonly total: number;
  /** `AccountLimit.UnreservedConcurrentExecutions`: what no function has reserved. */
  readonly unreserved: number;
}

/** What the deploy reserves for the proxy, and the line that explains it. */
export interface ReservationDecision {
  /** The `ProxyReservedConcurrency` stack parameter: 0 means no reservation. */
  readonly reserve: number;
  readonly message: string;
}

const RISK =
  'without it, a flood of calls to the public proxy URL can use the concurrency the skill needs';

/**
 * Decides the reservation. `requested` is `PROXY_RESERVED_CONCURRENCY` (0: never reserve);
 * `account` is the account's concurrency, or the reason it could not be read.
 *
 * A reservation the stack already holds is counted as unreserved again, since the update
 * replaces it: `currentReservation` is the proxy function's present reservation, when known.
 */
export function decideReservation(
  requested: number,
  account: AccountConcurrency | { readonly unreadable: string },
  currentReservation = 0,
): ReservationDecision {
  if (requested === 0) {
    return {
      reserve: 0,
      message: `proxy reserved concurrency: off (PROXY_RESERVED_CONCURRENCY=0); ${RISK}`,
    };
  }
  if ('unreadable' in account) {
    return {
      reserve: 0,
      message:
        `proxy reserved concurrency: not reserved, the account's Lambda quota could not be read ` +
        `(${account.unreadable}); ${RISK}. Configure the AWS CLI for this account to let the ` +
        `deploy check the quota, or set PROXY_RESERVED_CONCURRENCY=0 to deploy without one knowingly`,
    };
  }
  const free = account.unreserved + currentReservation;
  if (free - requested >= LAMBDA_MIN_UNRESERVED) {
    return {
      reserve: requested,
      message: `proxy reserved concurrency: ${requested} (account quota ${account.total}, ${free - requested} left unreserved)`,
    };
  }
  return {
    reserve: 0,
    message:
      `proxy reserved concurrency: not reserved, the account's quota of ${account.total} ` +
      `(${free} unreserved) cannot spare ${requested} and keep Lambda's ${LAMBDA_MIN_UNRESERVED} ` +
      `unreserved; ${RISK}. Ask AWS for a higher "Concurrent executions" quota (Service Quotas) ` +
      `and deploy again to reserve it`,
  };
}

function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Reads `AccountLimit` from the JSON `aws lambda get-account-settings` prints. */
export function parseAccountSettings(stdout: string): AccountConcurrency | undefined {
  const limit = parseJsonObject(stdout)?.['AccountLimit'];
  if (!isRecord(limit)) return undefined;
  const total = nonNegativeInteger(limit['ConcurrentExecutions']);
  const unreserved = nonNegativeInteger(limit['UnreservedConcurrentExecutions']);
  if (total === undefined || unreserved === undefined || unreserved > total) return undefined;
  return { total, unreserved };
}

/**
 * Reads the account's concurrency in `region` with the AWS CLI (the credentials it is
 * configured with). Never throws: what went wrong comes back as `unreadable`, one line.
 */
export async function readAccountConcurrency(
  runner: CommandRunner,
  region: string,
): Promise<AccountConcurrency | { readonly unreadable: string }> {
  let result;
  try {
    result = await runner('aws', [
      'lambda',
      'get-account-settings',
      '--region',
      region,
      '--output',
      'json',
    ]);
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
  if (result.exitCode !== 0) {
    const first = result.stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
    return {
      unreadable: `aws lambda get-account-settings exited ${result.exitCode}${first === '' ? '' : `: ${first}`}`,
    };
  }
  return (
    parseAccountSettings(result.stdout) ?? {
      unreadable: 'aws lambda get-account-settings printed no AccountLimit',
    }
  );
}

/** Options of {@link planProxyReservation}. */
export interface PlanOptions {
  readonly runner: CommandRunner;
  /** `PROXY_RESERVED_CONCURRENCY`. */
  readonly requested: number;
  /** `DEPLOY_AWS_REGION`, when set. */
  readonly awsRegion: string | undefined;
  readonly profile: string;
  readonly askResourcesPath: string;
  readonly askStatesPath: string;
}

/** The region `@ask-cli/cfn-deployer` deploys to when ask-resources.json names none. */
export const CFN_DEPLOYER_DEFAULT_REGION = 'us-east-1';

/**
 * Decides the proxy's reservation for this deploy: reads the account's quota in the stack's
 * region (not when the reservation is off), counting the reservation the last deploy made as
 * free again when a stack exists, since this deploy replaces it.
 */
export async function planProxyReservation(options: PlanOptions): Promise<ReservationDecision> {
  if (options.requested === 0) return decideReservation(0, { unreadable: 'not asked' });
  const last = await readProfileUserConfig(options.askResourcesPath, options.profile);
  const region = options.awsRegion ?? last.awsRegion ?? CFN_DEPLOYER_DEFAULT_REGION;
  const state = await readProfileState(options.askStatesPath, options.profile);
  const stackExists = Object.values(state?.regions ?? {}).some((r) => r.stackId !== undefined);
  const previous = Number(last.parameters['ProxyReservedConcurrency'] ?? '0');
  const current = stackExists && Number.isSafeInteger(previous) && previous > 0 ? previous : 0;
  const account = await readAccountConcurrency(options.runner, region);
  return decideReservation(options.requested, account, current);
}
