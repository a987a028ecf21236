/**
 * Starting and stopping the project's node:http servers (the skill endpoint, the local issuer,
 * the local stack's pieces, doctor's proxy) the same way everywhere.
 */
import type { Server } from 'node:http';
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
