/**
 * The node:http adapter, for local runs: request -> core -> response, with the body cap enforced
 * while the body streams in (an oversized body is never held in memory).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { createBoundedServer } from '../common/http-server.js';
import { readCappedBody } from '../common/read-body.js';
import { jsonReply } from './reply.js';
import {
  createTokenExchange,
  DEFAULT_MAX_BODY_BYTES,
  type TokenExchangeOptions,
} from './exchange.js';

/** Options of {@link createProxyServer}: those of the core, and the adapter's deadlines. */
export interface ProxyServerOptions extends TokenExchangeOptions {
  /** Longest the whole body may take to arrive, ms (then 408 and the connection closes). Default 5000. */
  readonly bodyTimeoutMs?: number;
  /** Longest the request line and headers may take to arrive, ms. Default 5000. */
  readonly headersTimeoutMs?: number;
}

function flattenHeaders(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Creates an HTTP server that behaves as the Lambda Function URL does. Checks `options` at once
 * (throws `ConfigError`); listen on it as on any `node:http` server.
 */
export function createProxyServer(options: ProxyServerOptions): Server {
  const exchange = createTokenExchange(options);
  const cap = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return createBoundedServer(
    (request, response) => {
      readCappedBody(request, cap, options.bodyTimeoutMs)
        .then(async ({ body, tooLarge, timedOut }) => {
          if (timedOut) {
            // Nothing usable arrived in time: no exchange, no upstream call.
            const late = jsonReply(
              408,
              JSON.stringify({
                error: 'invalid_request',
                error_description: 'The request body did not arrive in time',
              }),
              { connection: 'close' },
            );
            response.writeHead(late.statusCode, late.headers).end(late.body);
            return;
          }
          const reply = await exchange(
            {
              method: request.method ?? '',
              headers: flattenHeaders(request),
              body,
              bodyTooLarge: tooLarge,
            },
            { requestId: randomUUID() },
          );
          if (tooLarge) response.setHeader('connection', 'close');
          response.writeHead(reply.statusCode, reply.headers).end(reply.body);
        })
        .catch(() => {
          response.destroy(); // the client went away mid-body: nobody to answer
        });
    },
    options.headersTimeoutMs === undefined ? {} : { headersTimeoutMs: options.headersTimeoutMs },
  );
}
