/**
 * A stand-in for an OAuth authorization server (an Auth0 tenant, Cognito, Okta...): RSA keys, a
 * token mint, and, with {@link TestIssuer.listen}, its key set and discovery document served by a
 * real HTTP server on loopback, so a skill in any process can verify the tokens.
 */
import { HarnessOptionError, requireInstant, requireString } from '../errors.js';
import { listenOnLoopback, type LoopbackServer } from '../loopback.js';
import { createTestKey, signCompact, type Signing, type TestKey } from './sign.js';

/** When tokens are minted: a fixed instant (ms since the epoch) or a clock. Default: the real clock. */
export type Clock = number | (() => number);

/** Options of the {@link TestIssuer} constructor. */
export interface TestIssuerOptions {
  /** The issuer URL, as tokens' `iss` (a trailing slash is added when missing). */
  readonly issuer: string;
  /** The API identifier every valid token is for (`aud`). */
  readonly audience: string;
  /** The scope every valid token grants (`scope`), space-separated. Default none. */
  readonly scope?: string;
  /** When tokens are minted. Default the real clock. */
  readonly now?: Clock;
  /** The signing keys; the first signs. Default one new RSA-2048 key. */
  readonly keys?: readonly TestKey[];
}

/** Options of {@link TestIssuer.listen}. */
export interface ListenOptions extends Omit<TestIssuerOptions, 'issuer'> {
  /** The loopback port. Default 0: a free one. */
  readonly port?: number;
}

/** Options of {@link TestIssuer.mint} and {@link TestIssuer.sign}. */
export interface MintOptions {
  /** Header members to add or override (`undefined` removes one, e.g. `{ kid: undefined }`). */
  readonly header?: Readonly<Record<string, unknown>>;
  /** Sign another way than with the issuer's current key. */
  readonly signing?: Signing;
}

function clockOf(now: Clock | undefined): () => number {
  if (now === undefined) return Date.now;
  if (typeof now === 'function') return now;
  requireInstant(now, 'now');
  return () => now;
}

function dropUndefined(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** An issuer of test tokens; see the module comment. */
export class TestIssuer {
  /** The issuer, with a trailing slash, as tokens' `iss`. */
  readonly url: string;
  readonly audience: string;
  readonly scope: string | undefined;
  /** The signing keys; the first signs by default; all are published. */
  readonly keys: TestKey[];
  private readonly clock: () => number;
  private server: LoopbackServer | undefined;

  constructor(options: TestIssuerOptions) {
    if (typeof options !== 'object' || (options as unknown) === null) {
      throw new HarnessOptionError('new TestIssuer(options): options must be an object');
    }
    requireString(options.issuer, 'issuer');
    requireString(options.audience, 'audience');
    if (options.scope !== undefined && typeof options.scope !== 'string') {
      throw new HarnessOptionError('scope must be a string of space-separated scopes');
    }
    let url: URL;
    try {
      url = new URL(options.issuer);
    } catch (cause) {
      throw new HarnessOptionError(`issuer must be a URL, got "${options.issuer}"`, { cause });
    }
    this.url = url.href.endsWith('/') ? url.href : `${url.href}/`;
    this.audience = options.audience;
    this.scope = options.scope;
    this.clock = clockOf(options.now);
    this.keys = [...(options.keys ?? [createTestKey()])];
  }

  /**
   * An issuer whose key set (`<url>.well-known/jwks.json`) and OpenID discovery document
   * (`<url>.well-known/openid-configuration`) are served on 127.0.0.1 until {@link close}.
   */
  static async listen(options: ListenOptions): Promise<TestIssuer> {
    if (typeof options !== 'object' || (options as unknown) === null) {
      throw new HarnessOptionError('TestIssuer.listen(options): options must be an object');
    }
    requireString(options.audience, 'audience');
    // The issuer's URL is the server's: the server starts first, the issuer is known just after.
    const started: { issuer?: TestIssuer } = {};
    const server = await listenOnLoopback((request) => {
      const path = new URL(request.url ?? '/', 'http://loopback').pathname;
      const self = started.issuer;
      if (self === undefined) return { status: 503 };
      if (request.method !== 'GET') return { status: 405, body: { error: 'method_not_allowed' } };
      if (path === '/.well-known/jwks.json') return { status: 200, body: self.jwks() };
      if (path === '/.well-known/openid-configuration') {
        return { status: 200, body: self.discovery() };
      }
      return { status: 404, body: { error: 'not_found' } };
    }, options.port);
    const issuer = new TestIssuer({ ...options, issuer: server.url });
    issuer.server = server;
    started.issuer = issuer;
    return issuer;
  }

  /** The key that signs by default: the first. */
  get currentKey(): TestKey {
    const key = this.keys[0];
    if (key === undefined) throw new HarnessOptionError('The test issuer has no key');
    return key;
  }

  /** `<url>.well-known/jwks.json`, where Auth0 publishes it. */
  get jwksUri(): string {
    return new URL('.well-known/jwks.json', this.url).href;
  }

  /** The issuer's time now, in ms. */
  nowMs(): number {
    return this.clock();
  }

  /** The key set document as published now. */
  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: this.keys.map((k) => ({ ...k.jwk })) };
  }

  /** The OpenID discovery document (the members a resource server reads). */
  discovery(): Record<string, unknown> {
    return {
      issuer: this.url,
      jwks_uri: this.jwksUri,
      token_endpoint: new URL('oauth/token', this.url).href,
      id_token_signing_alg_values_supported: ['RS256'],
      ...(this.scope === undefined ? {} : { scopes_supported: this.scope.split(' ') }),
    };
  }

  /** Claims of a valid token: issued now, for an hour, for the audience, with the scope. */
  claims(overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
    const iat = Math.floor(this.clock() / 1000);
    return {
      iss: this.url,
      sub: 'test-user',
      aud: this.audience,
      iat,
      exp: iat + 3600,
      ...(this.scope === undefined ? {} : { scope: this.scope }),
      ...overrides,
    };
  }

  /** A valid access token, with `overrides` on its claims (`undefined` removes a claim). */
  mint(overrides: Readonly<Record<string, unknown>> = {}, options: MintOptions = {}): string {
    if (typeof overrides !== 'object' || (overrides as unknown) === null) {
      throw new HarnessOptionError('mint(claims): claims must be an object');
    }
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

  /** Stops the loopback server, when {@link listen} started one. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }
}
