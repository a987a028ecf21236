/**
 * The skill served over HTTP with node:http, as a custom skill hosted as a web service: `POST`
 * a request envelope, get the response envelope as JSON. In `verified` mode every request must
 * prove it is Alexa's (signature and timestamp); `local` mode skips that proof, and so binds to
 * loopback only and refuses any other host. Errors answer `{ "error": <code>, "message" }`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  closeServer,
  createBoundedServer,
  isLoopbackHost,
  listenOn,
  silentLogger,
  type Logger,
} from '../../common/index.js';
import { SkillIdMismatchError } from '../skill.js';
import { parseRequestEnvelope } from './envelope.js';
import {
  RequestBodyError,
  HttpEndpointOptionsError,
  MethodNotAllowedError,
  SkillHttpError,
  SkillInvocationError,
} from './errors.js';
import { DEFAULT_BODY_TIMEOUT_MS, readCappedBody } from '../../common/read-body.js';
import { createAlexaRequestVerifier, type VerifyAlexaRequest } from './verify-request.js';

/** What the endpoint serves: the skill's `invoke`. */
export interface SkillInvoker {
  invoke(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope>;
}

/**
 * `verified`: every request's signature and timestamp are checked (what Alexa requires of a web
 * service). `local`: no check, loopback only (the local stack and its simulator).
 */
export type SkillHttpMode = 'verified' | 'local';

/** Options of {@link createSkillRequestListener}. */
export interface SkillRequestListenerOptions {
  /** The skill. */
  skill: SkillInvoker;
  /** Whether requests must prove they are Alexa's. There is no default: say which. */
  mode: SkillHttpMode;
  /** Largest body accepted, in bytes. Default 128 KiB (Alexa's envelopes are a few KB). */
  maxBodyBytes?: number;
  /** Longest the whole body may take to arrive, ms (then 408 and the connection closes). Default 5000. */
  bodyTimeoutMs?: number;
  /** The proof check of `verified` mode. Default {@link createAlexaRequestVerifier}(). */
  verifyRequest?: VerifyAlexaRequest;
  /** One line per request. Default: silent. */
  logger?: Logger;
  /** Monotonic clock for latencies, ms. Default `performance.now`. */
  monotonicNow?: () => number;
}

/** Options of {@link startSkillHttpEndpoint}. */
export interface SkillHttpEndpointOptions extends SkillRequestListenerOptions {
  /** Host to bind. Default `127.0.0.1`; `local` mode refuses any host that is not loopback. */
  host?: string;
  /** Port. Default 0: an ephemeral port. */
  port?: number;
  /** Longest a request may take to arrive, ms. Default 10 000. */
  requestTimeoutMs?: number;
  /** Longest the request line and headers may take to arrive, ms. Default 5000. */
  headersTimeoutMs?: number;
}

/** A running endpoint. */
export interface SkillHttpEndpoint {
  /** `http://<host>:<port>/`. */
  readonly url: string;
  readonly port: number;
  readonly mode: SkillHttpMode;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

/** The default body cap, in bytes. */
export const DEFAULT_SKILL_BODY_BYTES = 128 * 1024;

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(status === 405 ? { Allow: 'POST' } : {}),
    ...(status === 413 || status === 408 ? { Connection: 'close' } : {}),
  });
  response.end(text);
}

function checkMode(mode: unknown): SkillHttpMode {
  if (mode !== 'verified' && mode !== 'local') {
    throw new HttpEndpointOptionsError('mode must be "verified" or "local"');
  }
  return mode;
}

/**
 * A `node:http` request listener that answers Alexa request envelopes with `skill`. Use it with
 * your own server; {@link startSkillHttpEndpoint} adds the listening and the loopback rule.
 */
export function createSkillRequestListener(options: SkillRequestListenerOptions): RequestListener {
  const mode = checkMode(options.mode);
  const cap = options.maxBodyBytes ?? DEFAULT_SKILL_BODY_BYTES;
  if (!Number.isSafeInteger(cap) || cap < 1024) {
    throw new HttpEndpointOptionsError('maxBodyBytes must be a whole number of at least 1024');
  }
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  if (!Number.isFinite(bodyTimeoutMs) || bodyTimeoutMs <= 0) {
    throw new HttpEndpointOptionsError('bodyTimeoutMs must be a positive number of milliseconds');
  }
  const verify =
    mode === 'verified' ? (options.verifyRequest ?? createAlexaRequestVerifier()) : undefined;
  const logger = options.logger ?? silentLogger;
  const monotonic = options.monotonicNow ?? (() => performance.now());

  async function answer(request: IncomingMessage): Promise<ResponseEnvelope> {
    if (request.method !== 'POST') throw new MethodNotAllowedError('Use POST');
    const read = await readCappedBody(request, cap, bodyTimeoutMs);
    if (read.tooLarge)
      throw new RequestBodyError('ERR_BODY_TOO_LARGE', `The body is over ${cap} bytes`);
    if (read.timedOut) {
      throw new RequestBodyError(
        'ERR_BODY_TIMEOUT',
        `The body did not arrive within ${bodyTimeoutMs} ms`,
      );
    }
    const body = read.body.toString('utf8');
    if (verify !== undefined) await verify(body, request.headers);
    const envelope = parseRequestEnvelope(body);
    try {
      return await options.skill.invoke(envelope);
    } catch (cause) {
      if (cause instanceof SkillIdMismatchError) {
        throw new SkillInvocationError('ERR_SKILL_ID_MISMATCH', cause.message, { cause });
      }
      throw new SkillInvocationError('ERR_SKILL_FAILED', 'The skill failed', { cause });
    }
  }

  return (request, response) => {
    const started = monotonic();
    const requestId = randomUUID();
    answer(request).then(
      (envelope) => {
        send(response, 200, envelope);
        logger.info('skill http request', {
          requestId,
          status: 200,
          mode,
          ms: Math.round((monotonic() - started) * 10) / 10,
        });
      },
      (error: unknown) => {
        if (!(error instanceof SkillHttpError)) {
          response.destroy(); // the client went away mid-body: nobody to answer
          return;
        }
        send(response, error.status, { error: error.code, message: error.message });
        const fields = {
          requestId,
          status: error.status,
          mode,
          error: error.code,
          reason: error.message,
          ms: Math.round((monotonic() - started) * 10) / 10,
        };
        if (error.status >= 500)
          logger.error('skill http request failed', { ...fields, cause: error.cause });
        else logger.warn('skill http request refused', fields);
      },
    );
  };
}

/**
 * Starts the endpoint and resolves once it listens. Throws {@link HttpEndpointOptionsError} for
 * bad options, among them `local` mode on a host that is not loopback; a port in use rejects with
 * Node's `EADDRINUSE` error.
 */
export async function startSkillHttpEndpoint(
  options: SkillHttpEndpointOptions,
): Promise<SkillHttpEndpoint> {
  const mode = checkMode(options.mode);
  const host = options.host ?? '127.0.0.1';
  if (mode === 'local' && !isLoopbackHost(host)) {
    throw new HttpEndpointOptionsError(
      `local mode does not verify requests, so it binds to loopback only (got "${host}")`,
    );
  }
  const server = createBoundedServer(createSkillRequestListener(options), {
    ...(options.headersTimeoutMs === undefined
      ? {}
      : { headersTimeoutMs: options.headersTimeoutMs }),
    ...(options.requestTimeoutMs === undefined
      ? {}
      : { requestTimeoutMs: options.requestTimeoutMs }),
  });
  const { url, port } = await listenOn(server, options.port ?? 0, host);
  return { url, port, mode, stop: () => closeServer(server) };
}
