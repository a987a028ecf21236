/**
 * The proxy's Lambda entry (`proxy.handler`, a Function URL with payload 2.0) and its public
 * names. Importing this module reads nothing; the environment is read once, on the first call.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createLogger } from '../common/index.js';
import { readProxyConfig } from './config.js';
import { createTokenExchange } from './exchange.js';
import { createFunctionUrlHandler, type FunctionUrlHandler } from './lambda-adapter.js';

export * from './errors.js';
export { readProxyConfig, PROXY_ENV, type ProxyConfig } from './config.js';
export {
  createTokenExchange,
  DEFAULT_MAX_BODY_BYTES,
  type ExchangeContext,
  type TokenExchange,
  type TokenExchangeOptions,
} from './exchange.js';
export {
  patchTokenResponse,
  expiresInFromExp,
  MIN_EXPIRES_IN,
  EXP_MARGIN_SECONDS,
  type ExpiresInSource,
  type PatchDefaults,
  type PatchedTokenResponse,
} from './patch-response.js';
export type { IncomingRequest, GrantType } from './parse-request.js';
export type { ProxyReply } from './reply.js';
export {
  createHttpTransport,
  ResponseTooLargeError,
  TransportTimeoutError,
  type HttpTransport,
  type HttpTransportOptions,
  type TransportAnswer,
  type TransportRequest,
} from './http-transport.js';
export { MAX_UPSTREAM_ANSWER_BYTES } from './upstream.js';
export { createFunctionUrlHandler, type FunctionUrlHandler } from './lambda-adapter.js';
export { createProxyServer, type ProxyServerOptions } from './server.js';

/**
 * Builds the Function URL handler from an environment: reads the configuration (throws one
 * `ConfigError` naming every bad variable) and logs JSON lines to standard output.
 */
export function createHandlerFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): FunctionUrlHandler {
  const config = readProxyConfig(env);
  const logger = createLogger({ level: config.logLevel, base: { service: 'token-proxy' } });
  return createFunctionUrlHandler(createTokenExchange({ ...config, logger }));
}

let built: FunctionUrlHandler | undefined;

/** The Lambda handler: configuration is read from `process.env` once, at the first call. */
export async function handler(
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  built ??= createHandlerFromEnvironment(process.env);
  return built(event);
}
