/**
 * The issuer's routes: Auth0's paths, JSON answers, 404 and 405 for the rest. Protocol errors
 * thrown by the handlers are answered by the caller.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './authorize.js';
import { discoveryDocument } from './discovery.js';
import { readParams, sendJson } from './http-io.js';
import { OIDC_SCOPES, type IssuerState } from './state.js';
import { tokenEndpoint } from './token-endpoint.js';

/** Answers one request; throws `OAuthError` for protocol errors. */
export async function route(
  state: IssuerState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', state.issuer);
  const method = request.method ?? 'GET';
  const only = (allowed: string): boolean => {
    if (method === allowed) return true;
    sendJson(
      response,
      405,
      { error: 'invalid_request', error_description: `use ${allowed}` },
      {
        Allow: allowed,
      },
    );
    return false;
  };
  switch (url.pathname) {
    case '/.well-known/jwks.json':
      if (only('GET')) sendJson(response, 200, state.keys.jwks(), { 'Cache-Control': 'max-age=0' });
      return;
    case '/.well-known/openid-configuration':
      if (only('GET')) {
        const scopes = [...OIDC_SCOPES, ...[...state.apis.values()].flatMap((a) => a.scopes ?? [])];
        sendJson(response, 200, discoveryDocument(state.issuer, scopes));
      }
      return;
    case '/authorize':
      if (only('GET')) {
        response.writeHead(302, {
          Location: authorize(state, url.searchParams).href,
          'Cache-Control': 'no-store',
        });
        response.end();
      }
      return;
    case '/oauth/token':
      if (only('POST')) {
        const params = await readParams(request);
        sendJson(response, 200, await tokenEndpoint(state, request.headers.authorization, params));
      }
      return;
    default:
      sendJson(response, 404, { error: 'not_found', error_description: 'no such endpoint' });
  }
}
