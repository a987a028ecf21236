/** A local stack for the end-to-end suites: loopback, ephemeral ports, a frozen token clock. */
import { expect } from 'chai';
import {
  createAlexaAccountLink,
  createSimulator,
  createStackClock,
  createUtteranceResolver,
  startLocalStack,
  type AlexaAccountLink,
  type LocalStack,
  type LocalStackOptions,
  type Simulator,
  linkingSettingsFor,
  type StackClock,
} from '../../scripts/local-stack/index.js';
import { loadLocaleModel } from '../../tools/utterances/index.js';

/** The frozen instant the suites start at: Wednesday 25 November 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

/** A stack, Alexa's account link for its test user (not linked yet), and a simulator. */
export interface TestStack {
  readonly stack: LocalStack;
  readonly clock: StackClock;
  readonly account: AlexaAccountLink;
  readonly simulator: Simulator;
}

const resolve = createUtteranceResolver(loadLocaleModel('en-US'));

/** Every log line written by the stacks of the e2e suites, at debug level. */
const logLines: string[] = [];
/** Every secret they handled: client secrets, codes, PKCE verifiers, tokens. */
const secrets = new Set<string>();
const SECRET_PARAMETERS = ['code', 'code_verifier', 'refresh_token', 'client_secret'];
const SECRET_ANSWERS = ['access_token', 'refresh_token', 'id_token'];

/** Alexa's fetch, noting every secret it sends or receives. */
const recordingFetch: typeof fetch = async (input, init) => {
  if (typeof init?.body === 'string') {
    for (const [name, value] of new URLSearchParams(init.body)) {
      if (SECRET_PARAMETERS.includes(name) && value.length >= 8) secrets.add(value);
    }
  }
  const authorization = new Headers(init?.headers).get('authorization');
  if (authorization !== null) secrets.add(authorization);
  const response = await fetch(input, init);
  try {
    const answer = (await response.clone().json()) as Record<string, unknown>;
    for (const name of SECRET_ANSWERS) {
      const value = answer[name];
      if (typeof value === 'string') secrets.add(value);
    }
  } catch {
    // not JSON: nothing to note
  }
  return response;
};

/** Stacks started by this run: a run of a subset (`--grep`) may start none. */
let stacksStarted = 0;

// After every e2e suite: the logs of every stack hold none of the secrets the suites handled.
after(() => {
  if (stacksStarted === 0) return; // no e2e suite ran in this run: nothing was logged to check
  expect(logLines.length, 'the e2e stacks wrote logs').to.be.above(0);
  const all = logLines.join('\n');
  const leaked = [...secrets].filter((secret) => all.includes(secret));
  expect(secrets.size, 'the e2e suites handled secrets').to.be.above(3);
  expect(leaked.length, `${leaked.length} secrets found in the e2e logs`).to.equal(0);
});

/** Starts a stack with short deadlines and a token clock frozen at {@link T0}. */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  stacksStarted += 1;
  const clock = createStackClock(() => T0);
  const stack = await startLocalStack({
    clock,
    now: () => T0,
    keySetTimeoutMs: 300,
    upstreamTimeoutMs: 300,
    device: { timeZone: 'UTC', temperatureUnit: 'CELSIUS' },
    logLevel: 'debug',
    logSink: (_piece, line) => logLines.push(line),
    ...options,
  });
  secrets.add(stack.alexaClient.clientSecret);
  const account = createAlexaAccountLink({
    settings: linkingSettingsFor(stack),
    now: () => stack.clock.now(),
    fetch: recordingFetch,
  });
  const simulator = createSimulator({
    skillUrl: stack.skill.url,
    account,
    resolve,
    timeZone: 'UTC',
    now: () => T0,
    skillTimeoutMs: 2000,
    dialogIntents: loadLocaleModel('en-US').dialogIntents ?? [],
    onConsentGranted: () => {
      stack.device.grantAddress();
    },
  });
  return { stack, clock, account, simulator };
}

/** Moves the token clock `seconds` past the held access token's `exp` (default 10 s). */
export function expireAccessToken(t: TestStack, seconds = 10): void {
  const tokens = t.account.tokens();
  if (tokens === undefined) throw new Error('not linked');
  const payload = JSON.parse(
    Buffer.from(tokens.accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { exp: number };
  t.clock.advance(payload.exp * 1000 + seconds * 1000 - t.clock.now());
}

/** The `kid` in a token's header. */
export function kidOf(token: string): unknown {
  return (
    JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      kid?: unknown;
    }
  ).kid;
}
