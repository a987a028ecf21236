import { expect } from 'chai';
import { ConfigError } from '../../common/index.js';
import { assertSameHost, HostMismatchError, readDeployConfig } from '../../scripts/deploy/index.js';

const BASE = {
  ISSUER_BASE_URL: 'https://tenant.example.auth0.com',
  ALEXA_CLIENT_ID: 'alexa',
  ALEXA_CLIENT_SECRET: 's3cret',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    readDeployConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.name}: ${p.problem}`);
    throw error;
  }
  return [];
}

describe('deploy: configuration and the one-host check', () => {
  it('derives the authorization and token URLs from the issuer, and the allowed client from the Alexa client', () => {
    const config = readDeployConfig(BASE);
    expect(config).to.include({
      issuerBaseUrl: 'https://tenant.example.auth0.com/',
      authorizationUrl: 'https://tenant.example.auth0.com/authorize',
      upstreamTokenUrl: 'https://tenant.example.auth0.com/oauth/token',
      defaultExpiresIn: 3600,
      askProfile: 'default',
      logRetentionDays: 30,
      proxyReservedConcurrency: 10,
    });
    expect(config.allowedClientIds).to.deep.equal(['alexa']);
  });

  it('refuses an http issuer: Alexa and Lambda need https', () => {
    expect(problemsOf({ ...BASE, ISSUER_BASE_URL: 'http://127.0.0.1:4000/' }).join()).to.include(
      'ISSUER_BASE_URL: must be an https URL',
    );
  });

  it('refuses ALLOWED_CLIENT_IDS that leave out the Alexa client', () => {
    expect(problemsOf({ ...BASE, ALLOWED_CLIENT_IDS: 'other' }).join()).to.include(
      'ALLOWED_CLIENT_IDS: must include ALEXA_CLIENT_ID',
    );
  });

  it('refuses a DEFAULT_EXPIRES_IN below 360 and a retention CloudWatch does not offer', () => {
    const problems = problemsOf({ ...BASE, DEFAULT_EXPIRES_IN: '120', LOG_RETENTION_DAYS: '10' });
    expect(problems.map((p) => p.split(':')[0])).to.have.members([
      'DEFAULT_EXPIRES_IN',
      'LOG_RETENTION_DAYS',
    ]);
  });

  it('never quotes the client secret in a message', () => {
    expect(problemsOf({ ...BASE, ALEXA_CLIENT_SECRET: 'has a space' }).join()).not.to.include(
      'has a space',
    );
  });

  it('takes ASK_PROFILE, else ASK_DEFAULT_PROFILE', () => {
    expect(readDeployConfig({ ...BASE, ASK_DEFAULT_PROFILE: 'b' }).askProfile).to.equal('b');
    expect(
      readDeployConfig({ ...BASE, ASK_DEFAULT_PROFILE: 'b', ASK_PROFILE: 'a' }).askProfile,
    ).to.equal('a');
  });

  it('passes three URLs on one host', () => {
    expect(() => {
      assertSameHost(readDeployConfig(BASE));
    }).not.to.throw();
  });

  it('refuses a custom domain for the token URL with the canonical domain for the issuer', () => {
    const config = readDeployConfig({
      ...BASE,
      UPSTREAM_TOKEN_URL: 'https://login.example.com/oauth/token',
    });
    expect(() => {
      assertSameHost(config);
    })
      .to.throw(HostMismatchError)
      .with.property('message')
      .that.includes('UPSTREAM_TOKEN_URL is on login.example.com');
  });
});
