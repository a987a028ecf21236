/**
 * Small node:http helpers for the issuer: reading a token request body (form or JSON) into
 * parameters, and writing JSON answers with the headers RFC 6749 §5.1 asks for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OAuthError } from './errors.js';

const MAX_BODY_BYTES = 64 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new OAuthError('invalid_request', 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fromJson(text: string): URLSearchParams {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new OAuthError('invalid_request', 'body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new OAuthError('invalid_request', 'body must be a JSON object');
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new OAuthError('invalid_request', `${name} must be a string`);
    params.set(name, value);
  }
  return params;
}

/** Reads a form-encoded or JSON body; refuses repeated parameters (RFC 6749 §3.1). */
export async function readParams(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const text = await readBody(request);
  let params: URLSearchParams;
  if (type === 'application/json') params = fromJson(text);
  else if (type === 'application/x-www-form-urlencoded') params = new URLSearchParams(text);
  else {
    throw new OAuthError(
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded or application/json',
    );
  }
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) {
    throw new OAuthError('invalid_request', 'a parameter was repeated');
  }
  return params;
}

/** Writes a JSON answer, never cached. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/** Writes an {@link OAuthError} (with `WWW-Authenticate` for 401). */
export function sendOAuthError(response: ServerResponse, error: OAuthError): void {
  const headers: Record<string, string> =
    error.status === 401 ? { 'WWW-Authenticate': 'Basic realm="local-issuer"' } : {};
  sendJson(response, error.status, error.toJSON(), headers);
}
