/** A local stack for the end-to-end suites: loopback, ephemeral ports, a frozen token clock. */
import {
  alexaAccountFor,
  createSimulator,
  createStackClock,
  createUtteranceResolver,
  startLocalStack,
  type AlexaAccountLink,
  type LocalStack,
  type LocalStackOptions,
  type Simulator,
  type StackClock,
} from '../../scripts/local-stack/index.js';
import { loadModel } from '../../tools/utterances/index.js';

/** The frozen instant the suites start at: Wednesday 25 November 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);

/** A stack, Alexa's account link for its test user (not linked yet), and a simulator. */
export interface TestStack {
  readonly stack: LocalStack;
  readonly clock: StackClock;
  readonly account: AlexaAccountLink;
  readonly simulator: Simulator;
}

const resolve = createUtteranceResolver(loadModel('en-US'));

/** Starts a stack with short deadlines and a token clock frozen at {@link T0}. */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const clock = createStackClock(() => T0);
  const stack = await startLocalStack({
    clock,
    now: () => T0,
    keySetTimeoutMs: 300,
    upstreamTimeoutMs: 300,
    device: { timeZone: 'UTC', temperatureUnit: 'CELSIUS' },
    ...options,
  });
  const account = alexaAccountFor(stack);
  const simulator = createSimulator({
    skillUrl: stack.skill.url,
    account,
    resolve,
    timeZone: 'UTC',
    now: () => T0,
    skillTimeoutMs: 2000,
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
