/**
 * Shared fixtures of the proxy suites: one logger that captures every line of every exchange in
 * the suite, a registry of every secret, code and token the suites use, and request builders.
 */
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { SignJWT } from 'jose';
import nock from 'nock';
import { closeServer, listenOn } from '../../common/http-server.js';
import { createLogger } from '../../common/logger.js';
import {
  createTokenExchange,
  type IncomingRequest,
  type TokenExchange,
  type TokenExchangeOptions,
} from '../../proxy/index.js';

export const UPSTREAM_ORIGIN = 'https://tenant.example.test';
export const UPSTREAM_PATH = '/oauth/token';
export const UPSTREAM_URL = `${UPSTREAM_ORIGIN}${UPSTREAM_PATH}`;
/** The injected wall clock: 2026-11-01T00:00:00Z. */
export const NOW_MS = Date.UTC(2026, 10, 1);
export const NOW_S = NOW_MS / 1000;

/** Every log line written by any exchange built with {@link suiteLogger}. */
export const capturedLines: string[] = [];
/** Every secret, code, verifier and token the proxy suites hand to the proxy or its upstream. */
export const usedSecrets = new Set<string>();

/** Registers `value` as something that must never be logged, and returns it. */
export function secret<T extends string>(value: T): T {
  usedSecrets.add(value);
  return value;
}

/** The logger of every exchange in the suites: captures, at debug level. */
export const suiteLogger = createLogger({
  level: 'debug',
  sink: (line) => capturedLines.push(line),
  base: { service: 'token-proxy' },
});

/** The secrets found in `lines` (empty when none leaked). */
export function leakedSecrets(lines: readonly string[], secrets: Iterable<string>): string[] {
  const text = lines.join('\n');
  return [...secrets].filter((s) => text.includes(s));
}

/** A client the proxy serves, with a simple id. */
export const CLIENT_ID = 'alexa-skill-client';
export const CLIENT_SECRET = secret('s3cret-Of-The-Alexa-Client');
/** A client the proxy serves whose id and secret need RFC 6749 2.3.1 encoding. */
export const ODD_CLIENT_ID = 'alexa:skill+1';
export const ODD_CLIENT_SECRET = secret('p:a+ss wörd/=&%');

/** A core with the suite's defaults: injected clock, short timeout, capturing logger. */
export function makeExchange(options: Partial<TokenExchangeOptions> = {}): TokenExchange {
  return createTokenExchange({
    upstreamTokenUrl: UPSTREAM_URL,
    allowedClientIds: [CLIENT_ID, ODD_CLIENT_ID],
    defaultExpiresIn: 3600,
    upstreamTimeoutMs: 200,
    logger: suiteLogger,
    now: () => NOW_MS,
    ...options,
  });
}

/** RFC 6749 2.3.1: form-urlencode id and secret, then HTTP Basic. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const enc = (s: string): string => new URLSearchParams([['', s]]).toString().slice(1);
  const header = `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
  secret(header.slice('Basic '.length));
  return secret(header);
}

/** A form POST as Alexa sends it (raw body given, so that its exact bytes can be checked). */
export function formPost(
  body: string,
  headers: Record<string, string> = {},
): IncomingRequest & { body: string } {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', ...headers },
    body,
  };
}

/** A form body from pairs. */
export function form(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** What the upstream received in one call. */
export interface Received {
  body?: string;
  headers?: Record<string, unknown>;
  calls: number;
}

/** nock as the upstream: answers one call with `status` and `body`, and records what came. */
export function upstreamAnswers(
  status: number,
  body: string | Record<string, unknown>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Received {
  const received: Received = { calls: 0 };
  nock(UPSTREAM_ORIGIN)
    .post(UPSTREAM_PATH)
    .reply(function (_uri, requestBody) {
      received.calls += 1;
      received.body = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody);
      received.headers = { ...this.req.headers };
      return [status, typeof body === 'string' ? body : JSON.stringify(body), headers];
    });
  return received;
}

const jwtKey = new TextEncoder().encode('test-only-hmac-key-for-shaping-jwts');

/** A JWT-shaped access token with `claims` (signed with a throwaway key: the proxy never verifies). */
export async function accessJwt(claims: Record<string, unknown>): Promise<string> {
  const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(jwtKey);
  return secret(token);
}

/** The parsed JSON body of a reply. */
export function json(reply: { body: string }): Record<string, unknown> {
  return JSON.parse(reply.body) as Record<string, unknown>;
}

// The log check of the whole suite: after every test of the run, no captured line may contain any
// registered secret. (logs.test.ts makes the same check as a test of its own.)
after('no proxy log line contains a secret, code, verifier or token used in the suites', () => {
  const leaked = leakedSecrets(capturedLines, usedSecrets);
  if (leaked.length > 0) throw new Error(`Proxy logs leaked ${leaked.length} secret value(s)`);
});

/** A logger whose lines go to the suite capture and to a list of this test's own records. */
export function captureLogs(): {
  logger: ReturnType<typeof createLogger>;
  records: () => Record<string, unknown>[];
} {
  const own: string[] = [];
  const logger = createLogger({
    level: 'debug',
    sink: (line) => {
      own.push(line);
      capturedLines.push(line);
    },
  });
  return { logger, records: () => own.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** A loopback HTTP server on an ephemeral port, counting the connections it accepted. */
export async function listen(
  listener: RequestListener,
): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  const server = createHttpServer(listener);
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  const { port } = await listenOn(server, 0, '127.0.0.1');
  return { port, connections: () => connections, close: () => closeServer(server) };
}
