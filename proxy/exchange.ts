/**
 * The core of the proxy: incoming request -> one upstream call -> reply. No I/O but the upstream
 * call, no environment; the adapters (Lambda Function URL, node:http) only translate.
 */
import { EnvValueError, silentLogger, type Logger } from '../common/index.js';
import { createOptionChecker } from '../common/options.js';
import {
  InvalidClientError,
  ProxyError,
  ProxyInternalError,
  UpstreamResponseError,
} from './errors.js';
import { headerValue, parseTokenRequest, type IncomingRequest } from './parse-request.js';
import { PROXY_LIMITS } from './config.js';
import { patchTokenResponse } from './patch-response.js';
import { errorReply, jsonReply, type ProxyReply } from './reply.js';
import type { HttpTransport } from './http-transport.js';
import { upstreamProfile, UPSTREAM_PROFILE_NAMES, type UpstreamProfile } from './profiles/index.js';
import { callUpstream, type UpstreamAnswer } from './upstream.js';
import { applyGenericRules, readUpstreamAnswer } from './upstream-answer.js';

/** Options of {@link createTokenExchange}. */
export interface TokenExchangeOptions {
  /** The upstream token endpoint (https, or http on loopback). The only place calls go. */
  readonly upstreamTokenUrl: string;
  /** Client ids served; any other gets 401 `invalid_client` without an upstream call. */
  readonly allowedClientIds: readonly string[];
  /** Seconds used when neither the upstream nor the token's `exp` gives a lifetime. Default 3600, min 360. */
  readonly defaultExpiresIn?: number;
  /** Deadline of the upstream call, in milliseconds. Default 3000. */
  readonly upstreamTimeoutMs?: number;
  /** Bodies over this many bytes get 413. Default 16 KiB. */
  readonly maxBodyBytes?: number;
  /** Where the one line per exchange goes. Default: nowhere. */
  readonly logger?: Logger;
  /** Wall clock in epoch milliseconds, for `exp`. Default `Date.now`. */
  readonly now?: () => number;
  /** Monotonic clock in milliseconds, for latencies. Default `performance.now`. */
  readonly monotonicNow?: () => number;
  /** The HTTP client. Default: node:http(s) with keep-alive connections, shared by the process. */
  readonly transport?: HttpTransport;
  /** The provider profile (`UPSTREAM_PROFILE`): `standard` (default) or `withings`. */
  readonly upstreamProfile?: string;
}

/** Per-request context from the adapter. */
export interface ExchangeContext {
  /** Ties the log line to the platform's request (Lambda's request id, say). */
  readonly requestId?: string;
}

/** Handles one incoming request; never rejects. */
export type TokenExchange = (
  request: IncomingRequest,
  context?: ExchangeContext,
) => Promise<ProxyReply>;

/** The default body cap, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

interface Settings {
  readonly url: URL;
  readonly allowed: ReadonlySet<string>;
  readonly defaultExpiresIn: number;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly profile: UpstreamProfile;
}

function checkOptions(options: TokenExchangeOptions): Settings {
  const check = createOptionChecker();
  const { defaultExpiresIn: expiresIn, upstreamTimeoutMs: timeout } = PROXY_LIMITS;
  const settings: Settings = {
    url: check.url('upstreamTokenUrl', options.upstreamTokenUrl, 'https://invalid.example/'),
    allowed: check.attempt(
      'allowedClientIds',
      () => {
        if (options.allowedClientIds.length === 0 || options.allowedClientIds.includes('')) {
          throw new EnvValueError('must list at least one non-empty id');
        }
        return new Set(options.allowedClientIds);
      },
      new Set<string>(),
    ),
    defaultExpiresIn: check.number(
      'defaultExpiresIn',
      options.defaultExpiresIn,
      expiresIn.default,
      expiresIn.min,
      expiresIn.max,
    ),
    timeoutMs: check.number(
      'upstreamTimeoutMs',
      options.upstreamTimeoutMs,
      timeout.default,
      timeout.min,
      timeout.max,
    ),
    maxBodyBytes: check.number(
      'maxBodyBytes',
      options.maxBodyBytes,
      DEFAULT_MAX_BODY_BYTES,
      1,
      1024 * 1024,
    ),
    profile: check.attempt(
      'upstreamProfile',
      () => {
        const name = options.upstreamProfile ?? 'standard';
        const profile = upstreamProfile(name);
        if (profile === undefined) {
          throw new EnvValueError(`must be one of ${UPSTREAM_PROFILE_NAMES.join(', ')}`);
        }
        return profile;
      },
      upstreamProfile('standard') as UpstreamProfile,
    ),
  };
  check.done();
  return settings;
}

const OAUTH_ERROR_VALUE = /^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,64}$/;

/**
 * Creates the proxy's core. Checks `options` once (throws `ConfigError` naming every bad one) and
 * returns a function that answers one request with one upstream call at most.
 */
export function createTokenExchange(options: TokenExchangeOptions): TokenExchange {
  const settings = checkOptions(options);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const monotonic = options.monotonicNow ?? (() => performance.now());
  const transport = options.transport;
  const ms = (since: number): number => Math.round((monotonic() - since) * 10) / 10;

  /** Upstream answer -> reply; adds what it learns to `fields`. */
  const replyFor = (answer: UpstreamAnswer, fields: Record<string, unknown>): ProxyReply => {
    const read = applyGenericRules(settings.profile.answer(readUpstreamAnswer(answer)));
    const { body } = read;
    if (read.format === 'form') fields.upstreamFormat = 'form';
    if (read.status !== answer.status) fields.repliedStatus = read.status;
    if (read.status < 200 || read.status >= 300) {
      if (body === undefined) {
        throw new UpstreamResponseError(`The upstream answered ${answer.status} without JSON`);
      }
      const upstreamError = body['error'];
      if (typeof upstreamError === 'string' && OAUTH_ERROR_VALUE.test(upstreamError)) {
        fields.upstreamError = upstreamError;
      }
      // A JSON error answer goes back untouched; a form or a rewritten one as JSON.
      const untouched = read.format === 'json' && !read.rewritten;
      return jsonReply(read.status, untouched ? answer.text : JSON.stringify(body));
    }
    if (body === undefined) throw new UpstreamResponseError('The upstream answered without JSON');
    const patched = patchTokenResponse(body, Math.floor(now() / 1000), settings);
    fields.expiresIn = patched.expiresIn;
    fields.expiresInSource = patched.source;
    fields.upstreamExpiresIn = patched.upstreamExpiresIn;
    if (patched.lifetime !== undefined) fields.lifetimeSeconds = patched.lifetime;
    if (patched.shortLifetime) fields.shortLifetime = true;
    fields.refreshTokenReturned = typeof body.refresh_token === 'string';
    return jsonReply(read.status, JSON.stringify(patched.body));
  };

  return async (request, context = {}) => {
    const started = monotonic();
    const fields: Record<string, unknown> = { requestId: context.requestId };
    let reply: ProxyReply;
    let failure: ProxyError | undefined;
    try {
      const token = parseTokenRequest(request, settings);
      fields.grantType = token.grantType;
      fields.clientId = token.client.clientId.slice(0, 128);
      fields.clientAuth = token.client.method;
      if (!settings.allowed.has(token.client.clientId)) {
        throw new InvalidClientError('This client is not served here');
      }
      const upstreamStarted = monotonic();
      try {
        const answer = await callUpstream(
          {
            url: settings.url,
            body: settings.profile.request(token.upstreamBody),
            authorization: token.authorization,
            timeoutMs: settings.timeoutMs,
          },
          transport,
        );
        fields.upstreamStatus = answer.status;
        reply = replyFor(answer, fields);
      } finally {
        fields.upstreamLatencyMs = ms(upstreamStarted);
      }
    } catch (error) {
      failure =
        error instanceof ProxyError
          ? error
          : new ProxyInternalError('The proxy failed', { cause: error });
      const extra: Record<string, string> = {};
      if (failure.status === 405) extra.allow = 'POST';
      if (failure.status === 401 && headerValue(request.headers, 'authorization') !== undefined) {
        extra['www-authenticate'] = 'Basic realm="token"';
      }
      reply = errorReply(failure, extra);
    }
    fields.latencyMs = ms(started);
    logExchange(logger, reply, failure, fields);
    return reply;
  };
}

/** Writes the exchange's one line; `fields` is the exchange's own record, completed here. */
function logExchange(
  logger: Logger,
  reply: ProxyReply,
  failure: ProxyError | undefined,
  fields: Record<string, unknown>,
): void {
  fields.status = reply.statusCode;
  if (failure !== undefined) {
    fields.failure = failure.code;
    fields.reason = failure.message;
    const cause = causeCode(failure.cause);
    if (cause !== undefined) fields.causeCode = cause;
  }
  if (failure instanceof ProxyInternalError) {
    logger.error('token exchange failed', { ...fields, cause: failure.cause });
  } else if (fields.shortLifetime === true) {
    logger.warn('token exchange: access token lifetime under 360 s', fields);
  } else if (failure !== undefined && failure.status >= 500) {
    logger.warn('token exchange: upstream failure', fields);
  } else {
    logger.info('token exchange', fields);
  }
}

/** The first string `code` along a cause chain (`ECONNREFUSED`, say), for the logs. */
function causeCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if ('code' in e && typeof e.code === 'string') return e.code;
  }
  return error instanceof Error ? error.name : undefined;
}
