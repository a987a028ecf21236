/**
 * The node:http adapter, for local runs: request -> core -> response, with the body cap enforced
 * while the body streams in (an oversized body is never held in memory).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readCappedBody } from '../common/read-body.js';
import {
  createTokenExchange,
  DEFAULT_MAX_BODY_BYTES,
  type TokenExchangeOptions,
} from './exchange.js';

/** Options of {@link createProxyServer}: those of the core. */
export type ProxyServerOptions = TokenExchangeOptions;

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
  const server = createServer((request, response) => {
    readCappedBody(request, cap)
      .then(async ({ body, tooLarge }) => {
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
  });
  server.requestTimeout = 10_000;
  return server;
}
