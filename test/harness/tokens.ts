/**
 * The weather skill's test tenant, built on the harness package's {@link TestIssuer}: the issuer,
 * audience and scope this skill trusts, a clock fixed in 2026, Auth0-shaped claims, and its key
 * set served through nock in this process (the package serves it on loopback instead).
 */
import nock from 'nock';
import { sharedTestKey, TestIssuer, type TestKey } from 'alexa-skill-harness';

/** The instant every test starts at, unless it says otherwise: 2026-11-25T12:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
export const TEST_ISSUER = 'https://tenant.test.example/';
export const TEST_AUDIENCE = 'https://whatshouldiwear';
export const TEST_SCOPE = 'read:whattowear';

/** Counts what the nock-served key set was asked. */
export interface JwksServing {
  readonly requests: number;
}

/** A stand-in for this skill's Auth0 tenant, at a fixed clock. */
export class SkillTestIssuer extends TestIssuer {
  /** The fixed clock tokens are minted at, ms. */
  readonly now: number;

  constructor(
    issuer: string = TEST_ISSUER,
    audience: string = TEST_AUDIENCE,
    now: number = TEST_NOW,
    keys: TestKey[] = [sharedTestKey('key-1')],
  ) {
    super({ issuer, audience, scope: TEST_SCOPE, now, keys });
    this.now = now;
  }

  /** The issuer URL (the package calls it `url`). */
  get issuer(): string {
    return this.url;
  }

  /** Claims as Auth0 issues them: the userinfo audience too, `openid` in the scope, `azp`. */
  override claims(overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
    return super.claims({
      sub: 'auth0|test-user',
      aud: [this.audience, `${this.url}userinfo`],
      scope: `openid ${TEST_SCOPE}`,
      azp: 'test-client',
      ...overrides,
    });
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
