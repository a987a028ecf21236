/** A node:http server on 127.0.0.1, for the key set, the Alexa API mocks and skill endpoints. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Answers one request; a rejection becomes a 500. */
export type LoopbackHandler = (
  request: IncomingMessage,
  body: string,
) => Promise<LoopbackAnswer> | LoopbackAnswer;

/** What a loopback handler answers: a status, JSON (or no) body, headers; or a dropped connection. */
export type LoopbackAnswer =
  | {
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | 'drop';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: LoopbackAnswer): void {
  if (answer === 'drop') {
    response.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

/** Starts a server on 127.0.0.1 (`port` 0, the default, picks a free one). */
export async function listenOnLoopback(
  handler: LoopbackHandler,
  port = 0,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => handler(request, body))
      .then(
        (answer) => {
          send(response, answer);
        },
        (error: unknown) => {
          send(response, {
            status: 500,
            body: { error: error instanceof Error ? error.name : 'error' },
          });
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Loopback servers must never keep a test run alive.
  server.unref();
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

/** A loopback URL where nothing listens: a port that was free a moment ago (connection refused). */
export async function unreachableUrl(): Promise<string> {
  const server = await listenOnLoopback(() => ({ status: 500 }));
  await server.close();
  return server.url;
}
