/**
 * The upstreams of a deployed skill, on one loopback server, for the benchmarks that load the
 * built bundle: the issuer's key set, Open-Meteo (geocoding and forecasts from today) and the
 * Alexa Settings API. Plain HTTP: what still differs from Lambda is TLS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeFetch } from './fixtures.js';

export interface BenchUpstreams {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Calls served, by path kind (`jwks`, `search`, `forecast`, `settings`). */
  readonly calls: Map<string, number>;
  /** The environment a deployment gives the skill, pointed at this server. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the server; `jwk()` gives the key set's one key (asked at each fetch, so the key can be
 * made once the issuer's URL is known), `today` the forecasts' first day.
 */
export async function startBenchUpstreams(
  jwk: () => Record<string, unknown>,
  today: string,
): Promise<BenchUpstreams> {
  const { fetch } = fakeFetch(today);
  const calls = new Map<string, number>();
  const count = (kind: string) => calls.set(kind, (calls.get(kind) ?? 0) + 1);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const send = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(text);
    };
    if (path.startsWith('/.well-known/jwks.json')) {
      count('jwks');
      send(200, JSON.stringify({ keys: [jwk()] }));
      return;
    }
    count(
      path.includes('/search') ? 'search' : path.includes('/forecast') ? 'forecast' : 'settings',
    );
    void fetch(`http://127.0.0.1${path}`).then(async (r) => {
      send(r.status, await r.text());
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    calls,
    env: {
      ISSUER_BASE_URL: `${origin}/`,
      OPEN_METEO_FORECAST_URL: `${origin}/v1/forecast`,
      OPEN_METEO_GEOCODING_URL: `${origin}/v1/search`,
    },
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}
