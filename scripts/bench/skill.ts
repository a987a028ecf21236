/**
 * `npm run bench:skill`: a whole skill request in-process (valid token, warm key set, cached
 * forecast, cached Settings answers) against two floors measured in the same run:
 *   (a) the same ask-sdk-core skill with no auth and a constant answer;
 *   (b) that plus one bare jose `jwtVerify` with the key in hand.
 * Targets: a token seen for the first time <= 1.3x floor (b); a repeated token <= 10x floor (a).
 * Prints p50 and p99 of each; rounds alternate so machine noise hits every variant alike.
 * Diagnostics: (c) floor (a) plus the project's verifier alone; (d) the repeated-token request
 * right after the event loop went idle (a timer), which shows what a wait does to the work after it.
 */
import { createPublicKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { jwtVerify } from 'jose';
import { createLogger } from '../../common/logger.js';
import { createAlexaApi } from '../../lambda/alexa/index.js';
import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { createSkill } from '../../lambda/skill.js';
import { createOpenMeteoProvider } from '../../lambda/weather/index.js';
import {
  BENCH_AUDIENCE,
  BENCH_ISSUER,
  BENCH_NOW,
  benchKey,
  fakeFetch,
  wearRequest,
} from './fixtures.js';
import { benchCommandLine, createTargets, finishBench } from './cli.js';
import { fixed, summarize, type Summary } from './stats.js';

const USAGE = `Usage: npm run bench:skill [-- options]

A whole skill request in-process against two floors from the same run (BENCH_REQUESTS, BENCH_ROUNDS).
Targets: a first-seen token <= 1.3x floor (b); a repeated token <= 10x floor (a), at p50.

Options:`;
const args = benchCommandLine('bench:skill', USAGE);
const targets = createTargets('bench:skill', args);

const N = Number(process.env['BENCH_REQUESTS'] ?? 500);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 12);
const now = () => BENCH_NOW;
const key = benchKey();
const keyObject = createPublicKey(key.publicKey.export({ format: 'pem', type: 'spki' }));
const joseOptions = {
  algorithms: ['RS256'],
  issuer: BENCH_ISSUER,
  audience: BENCH_AUDIENCE,
  clockTolerance: 5,
  requiredClaims: ['exp'],
  currentDate: new Date(BENCH_NOW),
};

const floorA = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    handle: (input) => input.responseBuilder.speak('Wear a coat.').getResponse(),
  })
  .create();
const floorB = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    async handle(input) {
      await jwtVerify(
        input.requestEnvelope.context.System.user.accessToken ?? '',
        keyObject,
        joseOptions,
      );
      return input.responseBuilder.speak('Wear a coat.').getResponse();
    },
  })
  .create();

/** Diagnostic (c): floor (a) plus the project's verifier, to tell its cost from the rest of the skill's. */
const ourVerify = createAccessTokenVerifier({
  issuerBaseUrl: BENCH_ISSUER,
  audience: BENCH_AUDIENCE,
  requiredScope: 'read:whattowear',
  now,
  jwks: { fetch: () => Promise.resolve(Response.json({ keys: [key.jwk] })) },
});
const floorC = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    async handle(input) {
      await ourVerify(input.requestEnvelope.context.System.user.accessToken ?? '');
      return input.responseBuilder.speak('Wear a coat.').getResponse();
    },
  })
  .create();

const { fetch } = fakeFetch();
const skill = createSkill({
  verify: createAccessTokenVerifier({
    issuerBaseUrl: BENCH_ISSUER,
    audience: BENCH_AUDIENCE,
    requiredScope: 'read:whattowear',
    now,
    jwks: { fetch: () => Promise.resolve(Response.json({ keys: [key.jwk] })) },
  }),
  weather: createOpenMeteoProvider({ now, fetch }),
  alexaApi: createAlexaApi({ now, fetch }),
  logger: createLogger({ level: 'info', sink: () => undefined, now }),
  now,
});

type Invoke = (event: RequestEnvelope) => Promise<unknown>;

/** Lets the event loop go idle for a moment (a timer), as the wait for a verification does. */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

async function timeEach(
  invoke: Invoke,
  events: readonly RequestEnvelope[],
  before?: () => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  for (const event of events) {
    if (before !== undefined) await before();
    const started = performance.now();
    await invoke(event);
    samples.push((performance.now() - started) * 1000);
  }
  return samples;
}

let serial = 0;
const distinct = () =>
  Array.from({ length: N }, () => wearRequest(key.mint(serial++), 'City 1', '2026-11-26', serial));
const repeatedToken = key.mint(-1);
const repeated = Array.from({ length: N }, (_, i) =>
  wearRequest(repeatedToken, 'City 1', '2026-11-26', i),
);

// Warm-up: key set, forecast and Settings cached; JIT warm on every path.
await timeEach((e) => skill.invoke(e), repeated.slice(0, 200));
await timeEach((e) => floorA.invoke(e), repeated.slice(0, 200));
await timeEach((e) => floorB.invoke(e), distinct().slice(0, 200));
await timeEach((e) => floorC.invoke(e), distinct().slice(0, 200));

const samples = {
  a: [] as number[],
  b: [] as number[],
  c: [] as number[],
  first: [] as number[],
  repeat: [] as number[],
  idle: [] as number[],
};
for (let round = 0; round < ROUNDS; round += 1) {
  samples.a.push(...(await timeEach((e) => floorA.invoke(e), repeated)));
  samples.b.push(...(await timeEach((e) => floorB.invoke(e), distinct())));
  samples.c.push(...(await timeEach((e) => floorC.invoke(e), distinct())));
  samples.first.push(...(await timeEach((e) => skill.invoke(e), distinct())));
  samples.repeat.push(...(await timeEach((e) => skill.invoke(e), repeated)));
  samples.idle.push(...(await timeEach((e) => skill.invoke(e), repeated, yieldToEventLoop)));
}

const s: Record<keyof typeof samples, Summary> = {
  a: summarize(samples.a),
  b: summarize(samples.b),
  c: summarize(samples.c),
  first: summarize(samples.first),
  repeat: summarize(samples.repeat),
  idle: summarize(samples.idle),
};
const line = (label: string, x: Summary) =>
  `  ${label.padEnd(52)} p50 ${fixed(x.p50, 1)} µs   p99 ${fixed(x.p99, 1)} µs`;
const firstRatio = s.first.p50 / s.b.p50;
const repeatRatio = s.repeat.p50 / s.a.p50;
console.log(`bench:skill  ${N} requests x ${ROUNDS} rounds per variant, Node ${process.version}`);
console.log(line('floor (a): ask-sdk-core, no auth, constant answer', s.a));
console.log(line('floor (b): (a) + one bare jose jwtVerify', s.b));
console.log(line('diagnostic (c): (a) + the project verifier, no skill', s.c));
console.log(line('skill, token seen for the first time', s.first));
console.log(line('skill, repeated token (verified-token cache)', s.repeat));
console.log(line('diagnostic (d): repeated token after an idle loop', s.idle));
console.log(
  `  first-seen / floor (b)   p50 ${firstRatio.toFixed(2)}x  p99 ${(s.first.p99 / s.b.p99).toFixed(2)}x  (target p50 <= 1.3x: ${targets.judge('first-seen <= 1.3x floor (b)', firstRatio <= 1.3)})`,
);
console.log(
  `  repeated / floor (a)     p50 ${repeatRatio.toFixed(2)}x  p99 ${(s.repeat.p99 / s.a.p99).toFixed(2)}x  (target p50 <= 10x: ${targets.judge('repeated <= 10x floor (a)', repeatRatio <= 10)})`,
);
console.log(
  `  (d) / repeated           p50 ${(s.idle.p50 / s.repeat.p50).toFixed(2)}x: the same request costs this much more right after the event loop went idle, as it does after a verification's wait on the thread pool`,
);
finishBench(targets);
