/**
 * What the benchmarks share: an RSA key with its JWK, a fast token mint (node:crypto, no jose),
 * Alexa request envelopes, and a fake `fetch` that answers like Open-Meteo and the Alexa APIs.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { RequestEnvelope } from 'ask-sdk-model';
import { cityNumbered, forecastBody, geocodingBody } from '../../test/harness/open-meteo-bodies.js';

export const BENCH_ISSUER = 'https://bench.example/';
export const BENCH_AUDIENCE = 'https://whatshouldiwear';
/** 2026-11-25T12:00:00Z, the instant every benchmark runs at. */
export const BENCH_NOW = Date.UTC(2026, 10, 25, 12);

export interface BenchKey {
  readonly publicKey: KeyObject;
  readonly jwk: Record<string, unknown>;
  /** A valid token for subject number `i`. */
  mint(i: number): string;
}

/** An RS256 key and a mint for valid tokens of `issuer`, issued at `nowMs`. */
export function benchKey(issuer = BENCH_ISSUER, nowMs = BENCH_NOW): BenchKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'bench', use: 'sig', alg: 'RS256' };
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: 'bench' });
  const iat = Math.floor(nowMs / 1000);
  return {
    publicKey,
    jwk,
    mint(i) {
      const claims = {
        iss: issuer,
        sub: `auth0|user-${i}`,
        aud: BENCH_AUDIENCE,
        iat,
        exp: iat + 3600,
        scope: 'openid read:whattowear',
      };
      const input = `${header}.${b64(claims)}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    },
  };
}

/** A WhatShouldIWearIntent envelope for `city` on `date`, carrying `token`. */
export function wearRequest(
  token: string,
  city: string,
  date: string,
  n: number,
  apiEndpoint = 'https://api.amazonalexa.com',
): RequestEnvelope {
  const user = { userId: 'amzn1.ask.account.BENCH', accessToken: token };
  const application = { applicationId: 'amzn1.ask.skill.00000000-0000-4000-8000-000000000001' };
  return {
    version: '1.0',
    session: { new: true, sessionId: 'bench', application, user, attributes: {} },
    context: {
      System: {
        application,
        user,
        device: { deviceId: 'amzn1.ask.device.BENCH', supportedInterfaces: {} },
        apiEndpoint,
        apiAccessToken: 'bench-api-token',
      },
    },
    request: {
      type: 'IntentRequest',
      requestId: `amzn1.echo-api.request.${n}`,
      timestamp: new Date(BENCH_NOW).toISOString(),
      locale: 'en-US',
      dialogState: 'COMPLETED',
      intent: {
        name: 'WhatShouldIWearIntent',
        confirmationStatus: 'NONE',
        slots: {
          city: { name: 'city', value: city, confirmationStatus: 'NONE' },
          date: { name: 'date', value: date, confirmationStatus: 'NONE' },
        },
      },
    },
  };
}

/** City `i` of the bench's 20 ("City 0" to "City 19"). */
export const benchCity = (i: number): string => `City ${i % 20}`;

/**
 * A fetch that answers like Open-Meteo (geocoding for "City N", forecasts from 2026-11-25) and
 * the Alexa Settings API, and counts the calls by host.
 */
export function fakeFetch(startDate = '2026-11-25'): {
  fetch: typeof fetch;
  calls: Map<string, number>;
} {
  const calls = new Map<string, number>();
  const forecast = JSON.stringify(forecastBody({ startDate }));
  const answer = (body: string) =>
    Promise.resolve(
      new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  const impl = (input: string | URL | Request): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    calls.set(url.host, (calls.get(url.host) ?? 0) + 1);
    if (url.pathname.endsWith('/search')) {
      const n = Number((url.searchParams.get('name') ?? '').replace('City ', ''));
      return answer(JSON.stringify(geocodingBody(cityNumbered(n))));
    }
    if (url.pathname.endsWith('/forecast')) return answer(forecast);
    if (url.pathname.endsWith('System.temperatureUnit')) return answer('"CELSIUS"');
    if (url.pathname.endsWith('System.timeZone')) return answer('"America/Chicago"');
    return Promise.resolve(new Response('{}', { status: 404 }));
  };
  return { fetch: impl, calls };
}
