import { expect } from 'chai';
import { ConfigError } from '../../common/env.js';
import { createTokenExchange, readProxyConfig } from '../../proxy/index.js';

const minimal = {
  UPSTREAM_TOKEN_URL: 'https://example.us.auth0.com/oauth/token',
  ALLOWED_CLIENT_IDS: 'alexa-client, other-client',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    readProxyConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.name);
    throw error;
  }
  return [];
}

describe('readProxyConfig', () => {
  it('reads the required variables and applies the defaults', () => {
    expect(readProxyConfig(minimal)).to.deep.equal({
      upstreamTokenUrl: 'https://example.us.auth0.com/oauth/token',
      allowedClientIds: ['alexa-client', 'other-client'],
      defaultExpiresIn: 3600,
      upstreamTimeoutMs: 3000,
      logLevel: 'info',
      upstreamProfile: 'standard',
    });
  });

  it('takes a known UPSTREAM_PROFILE and refuses any other', () => {
    expect(readProxyConfig({ ...minimal, UPSTREAM_PROFILE: 'withings' }).upstreamProfile).to.equal(
      'withings',
    );
    expect(() => readProxyConfig({ ...minimal, UPSTREAM_PROFILE: 'github' })).to.throw(
      ConfigError,
      'UPSTREAM_PROFILE',
    );
  });

  it('names every missing required variable in one ConfigError', () => {
    expect(problemsOf({})).to.deep.equal(['UPSTREAM_TOKEN_URL', 'ALLOWED_CLIENT_IDS']);
  });

  it('refuses an http upstream that is not loopback', () => {
    expect(
      problemsOf({ ...minimal, UPSTREAM_TOKEN_URL: 'http://example.com/oauth/token' }),
    ).to.deep.equal(['UPSTREAM_TOKEN_URL']);
  });

  it('allows an http upstream on loopback', () => {
    const env = { ...minimal, UPSTREAM_TOKEN_URL: 'http://127.0.0.1:8080/oauth/token' };
    expect(readProxyConfig(env).upstreamTokenUrl).to.equal('http://127.0.0.1:8080/oauth/token');
  });

  it('refuses a DEFAULT_EXPIRES_IN below 360', () => {
    expect(problemsOf({ ...minimal, DEFAULT_EXPIRES_IN: '120' })).to.deep.equal([
      'DEFAULT_EXPIRES_IN',
    ]);
  });

  it('names every malformed variable at once', () => {
    expect(
      problemsOf({
        ...minimal,
        UPSTREAM_TIMEOUT_MS: 'soon',
        LOG_LEVEL: 'loud',
        ALLOWED_CLIENT_IDS: 'a,,b',
      }),
    ).to.deep.equal(['ALLOWED_CLIENT_IDS', 'UPSTREAM_TIMEOUT_MS', 'LOG_LEVEL']);
  });
});

describe('createTokenExchange options', () => {
  it('names every bad option in one ConfigError, with the same bounds as the environment', () => {
    let problems: string[] = [];
    try {
      createTokenExchange({
        upstreamTokenUrl: 'http://tenant.example/oauth/token',
        allowedClientIds: [''],
        defaultExpiresIn: 120,
        upstreamTimeoutMs: 60_000,
        maxBodyBytes: 0,
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems.map((p) => p.name);
    }
    expect(problems).to.deep.equal([
      'upstreamTokenUrl',
      'allowedClientIds',
      'defaultExpiresIn',
      'upstreamTimeoutMs',
      'maxBodyBytes',
    ]);
  });

  it('accepts http for a loopback upstream and applies the defaults', () => {
    expect(() =>
      createTokenExchange({
        upstreamTokenUrl: 'http://127.0.0.1:9/oauth/token',
        allowedClientIds: ['alexa'],
      }),
    ).not.to.throw();
  });
});
