/**
 * How a conversation reaches the skill: in-process (the skill's `invoke`, or any Lambda-style
 * `handler(event, context)`), or over HTTP (the envelope POSTed as JSON to a skill endpoint in
 * local mode). The same suites run over any of them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/** Sends one request envelope and resolves to the skill's response envelope. */
export type Transport = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

/** Anything with the skill's `invoke`, or a Lambda handler. */
export type InProcessTarget =
  | { invoke(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> }
  | ((event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>);

/** The HTTP endpoint answered something other than a 2xx JSON response envelope. */
export class HttpTransportError extends Error {
  override readonly name = 'HttpTransportError';
  readonly code = 'ERR_HTTP_TRANSPORT';
  constructor(
    message: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(message);
  }
}

/** The in-process transport: calls `target` directly, with `context` (default `{}`). */
export function inProcess(target: InProcessTarget, context: unknown = {}): Transport {
  // A structured copy: the skill must not see (or keep) the test's objects.
  const copy = (e: RequestEnvelope) => JSON.parse(JSON.stringify(e)) as RequestEnvelope;
  return typeof target === 'function'
    ? (envelope) => target(copy(envelope), context)
    : (envelope) => target.invoke(copy(envelope), context);
}

export interface HttpTransportOptions {
  /** Deadline of one call, ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The HTTP transport: POSTs each envelope as JSON to `url` and parses the JSON answer. */
export function overHttp(url: string, options: HttpTransportOptions = {}): Transport {
  return async (envelope) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new HttpTransportError(
        `The skill endpoint answered ${response.status}`,
        response.status,
        text,
      );
    }
    try {
      return JSON.parse(text) as ResponseEnvelope;
    } catch {
      throw new HttpTransportError(
        'The skill endpoint answered something that is not JSON',
        response.status,
        text,
      );
    }
  };
}

/** A loopback HTTP server in front of a transport. */
export interface LoopbackSkillServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * A tiny skill endpoint on 127.0.0.1 (ephemeral port) that answers each POSTed envelope through
 * `target` (500 with `{ error }` when it throws): a stand-in for the local stack's endpoint, so the
 * HTTP transport is exercised offline. No signature checks: loopback only, tests only.
 */
export async function serveSkillOnLoopback(target: Transport): Promise<LoopbackSkillServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'POST') {
      send(response, 405, { error: 'method_not_allowed' });
      return;
    }
    readBody(request)
      .then((text) => target(JSON.parse(text) as RequestEnvelope))
      .then(
        (reply) => {
          send(response, 200, reply);
        },
        (error: unknown) => {
          send(response, 500, { error: error instanceof Error ? error.name : 'error' });
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
