/**
 * Starting and stopping the project's node:http servers (the skill endpoint, the local issuer,
 * the local stack's pieces, doctor's proxy) the same way everywhere.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where a server listens. */
export interface Listening {
  readonly port: number;
  /** `http://<host>:<port>/`, with an IPv6 host in brackets. */
  readonly url: string;
}

/** Listens on `host:port` (0 for an ephemeral port); rejects with the listen error (`EADDRINUSE`...). */
export async function listenOn(server: Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return { port: actual, url: `http://${hostInUrl}:${actual}/` };
}

/** Stops listening and closes every open connection, idle or not; resolves once closed. */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  server.closeAllConnections();
  return closed;
}

/** Deadlines of {@link createBoundedServer}, ms. */
export interface ServerDeadlines {
  /** Longest the request line and headers may take to arrive. Default 5000. */
  readonly headersTimeoutMs?: number;
  /** Longest a whole request may take to arrive. Default 10 000. */
  readonly requestTimeoutMs?: number;
}

/**
 * A node:http server whose slow clients are cut off on time: headers within a few seconds, the
 * whole request within `requestTimeoutMs`, checked every second (Node's default interval is 30 s,
 * so its timeouts alone let a stalled connection live that long). Idle keep-alive connections
 * close after 5 s. Listeners bound their own body reads too (`readCappedBody`).
 */
export function createBoundedServer(
  listener: RequestListener,
  deadlines: ServerDeadlines = {},
): Server {
  const headersTimeout = deadlines.headersTimeoutMs ?? 5000;
  const requestTimeout = Math.max(deadlines.requestTimeoutMs ?? 10_000, headersTimeout);
  return createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: 1000, keepAliveTimeout: 5000 },
    listener,
  );
}
