/**
 * Test tokens: an RSA key pair per test issuer, its key set served through nock at
 * `<issuer>.well-known/jwks.json`, and tokens minted with any claim or header overridden, or
 * signed any way at all (alg none, HS256 with the public key, ES256, arbitrary payload bytes).
 */
import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import nock from 'nock';

/** The instant every test starts at, unless it says otherwise: 2026-11-25T12:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
export const TEST_ISSUER = 'https://tenant.test.example/';
export const TEST_AUDIENCE = 'https://whatshouldiwear';
export const TEST_SCOPE = 'read:whattowear';

/** An RSA signing key with its public JWK. */
export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

/** How a token is signed: by a test key (RS256), or deliberately wrongly. */
export type Signing =
  | { readonly alg: 'RS256'; readonly key: TestKey }
  | { readonly alg: 'HS256'; readonly secret: Buffer | string }
  | { readonly alg: 'ES256'; readonly privateKey: KeyObject }
  | { readonly alg: 'none' };

export interface MintOptions {
  /** Header members to add or override (`undefined` removes one, e.g. `{ kid: undefined }`). */
  readonly header?: Record<string, unknown>;
  /** Sign another way than with the issuer's current key. */
  readonly signing?: Signing;
}

/** Makes an RSA-2048 key with the given `kid`. */
export function createTestKey(kid: string = randomUUID()): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, publicKey, jwk };
}

const shared = new Map<string, TestKey>();

/** A key made once per process for `kid` (RSA key generation is slow); never use it as a forger. */
export function sharedTestKey(kid: string): TestKey {
  let key = shared.get(kid);
  if (key === undefined) {
    key = createTestKey(kid);
    shared.set(kid, key);
  }
  return key;
}

/** Encodes `header.payload.signature` with any header, any payload (object or raw string) and any signing. */
export function signCompact(
  header: Record<string, unknown>,
  payload: unknown,
  signing: Signing,
): string {
  const encode = (value: unknown) =>
    Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(payload)}`;
  const data = Buffer.from(input);
  let signature: Buffer;
  switch (signing.alg) {
    case 'RS256':
      signature = sign('sha256', data, signing.key.privateKey);
      break;
    case 'HS256':
      signature = createHmac('sha256', signing.secret).update(data).digest();
      break;
    case 'ES256':
      signature = sign('sha256', data, { key: signing.privateKey, dsaEncoding: 'ieee-p1363' });
      break;
    case 'none':
      signature = Buffer.alloc(0);
      break;
  }
  return `${input}.${signature.toString('base64url')}`;
}

/** Counts what the nock-served key set was asked. */
export interface JwksServing {
  readonly requests: number;
}

/** A stand-in for an Auth0 tenant: keys, a served key set, and a token mint. */
export class TestIssuer {
  readonly keys: TestKey[];

  constructor(
    readonly issuer: string = TEST_ISSUER,
    readonly audience: string = TEST_AUDIENCE,
    readonly now: number = TEST_NOW,
    keys: TestKey[] = [sharedTestKey('key-1')],
  ) {
    this.keys = keys;
  }

  /** The key that signs by default: the first. */
  get currentKey(): TestKey {
    const key = this.keys[0];
    if (key === undefined) throw new Error('The test issuer has no key');
    return key;
  }

  get jwksUri(): string {
    return new URL('.well-known/jwks.json', this.issuer).href;
  }

  /** The key set document as published now. */
  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: this.keys.map((k) => k.jwk) };
  }

  /** Claims of a valid token: 1 hour from `now`, with the audience and scope. */
  claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const iat = Math.floor(this.now / 1000);
    return {
      iss: this.issuer,
      sub: 'auth0|test-user',
      aud: [this.audience, `${this.issuer}userinfo`],
      iat,
      exp: iat + 3600,
      scope: `openid ${TEST_SCOPE}`,
      azp: 'test-client',
      ...overrides,
    };
  }

  /** A token with `overrides` on the valid claims (`undefined` removes a claim). */
  mint(overrides: Record<string, unknown> = {}, options: MintOptions = {}): string {
    return this.sign(this.claims(overrides), options);
  }

  /** Signs exactly `payload` (any JSON value, or a raw string). */
  sign(payload: unknown, options: MintOptions = {}): string {
    const signing = options.signing ?? { alg: 'RS256', key: this.currentKey };
    const header = dropUndefined({
      alg: signing.alg,
      typ: 'JWT',
      ...(signing.alg === 'RS256' ? { kid: signing.key.kid } : {}),
      ...options.header,
    });
    return signCompact(
      header,
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? dropUndefined(payload as Record<string, unknown>)
        : payload,
      signing,
    );
  }

  /**
   * Serves the key set through nock for every request until the test ends (the root hook cleans
   * up), answering `reply()` when given, and counts requests.
   */
  serveJwks(reply?: () => nock.ReplyFnResult | Promise<nock.ReplyFnResult>): JwksServing {
    const serving = { requests: 0 };
    const url = new URL(this.jwksUri);
    nock(url.origin)
      .persist()
      .get(url.pathname)
      .reply(() => {
        serving.requests += 1;
        return reply ? reply() : [200, this.jwks(), { 'content-type': 'application/json' }];
      });
    return serving;
  }
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
