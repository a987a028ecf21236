/**
 * An Open-Meteo stand-in on loopback (a real HTTP server, so that instances in other processes
 * can call it), counting every call: geocoding by name, forecasts by coordinates. Each forecast
 * starts at the place's today by the real clock, as Open-Meteo's `timezone=auto` answers do.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localDate } from '../../../../../lambda/weather/index.js';
import {
  forecastBody,
  geocodingBody,
  type GeocodingResult,
} from '../../../../harness/open-meteo-bodies.js';

/** The running stand-in. */
export interface OpenMeteoStandIn {
  readonly geocodingUrl: string;
  readonly forecastUrl: string;
  /** Calls so far, by `geocoding:<name>` and `forecast:<lat>,<lon>`. */
  readonly calls: Map<string, number>;
  /** How long each answer is held, ms (so that callers asking at once overlap). */
  delayMs: number;
  /** Total calls of one kind (`geocoding` or `forecast`). */
  count(kind: 'geocoding' | 'forecast'): number;
  close(): Promise<void>;
}

/** Starts the stand-in for `places`. */
export async function startOpenMeteo(
  places: readonly GeocodingResult[],
): Promise<OpenMeteoStandIn> {
  const calls = new Map<string, number>();
  const count = (key: string): void => {
    calls.set(key, (calls.get(key) ?? 0) + 1);
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer = (body: unknown): void => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      }, standIn.delayMs);
    };
    if (url.pathname === '/v1/search') {
      const name = url.searchParams.get('name') ?? '';
      count(`geocoding:${name}`);
      answer(geocodingBody(...places.filter((p) => p['name'] === name)));
      return;
    }
    if (url.pathname === '/v1/forecast') {
      const latitude = Number(url.searchParams.get('latitude'));
      const longitude = Number(url.searchParams.get('longitude'));
      count(`forecast:${latitude},${longitude}`);
      const place = places.find(
        (p) =>
          Math.abs(Number(p['latitude']) - latitude) < 0.01 &&
          Math.abs(Number(p['longitude']) - longitude) < 0.01,
      );
      const zone = place?.['timezone'];
      const timezone = typeof zone === 'string' ? zone : 'UTC';
      answer(forecastBody({ startDate: localDate(Date.now(), timezone), timezone }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const standIn: OpenMeteoStandIn = {
    delayMs: 0,
    geocodingUrl: `${origin}/v1/search`,
    forecastUrl: `${origin}/v1/forecast`,
    calls,
    count: (kind) =>
      [...calls].filter(([key]) => key.startsWith(`${kind}:`)).reduce((n, [, c]) => n + c, 0),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
  return standIn;
}
