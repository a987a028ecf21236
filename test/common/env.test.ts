import { expect } from 'chai';
import {
  ConfigError,
  int,
  issuerUrl,
  list,
  oneOf,
  optionalStr,
  parseEnv,
  serviceUrl,
  str,
} from '../../common/env.js';

describe('parseEnv', () => {
  const spec = {
    ISSUER_BASE_URL: issuerUrl(),
    AUDIENCE: str({ default: 'https://whatshouldiwear' }),
    TIMEOUT_MS: int({ default: 2500, min: 100, max: 8000 }),
    LEVEL: oneOf(['debug', 'info'] as const, { default: 'info' }),
    IDS: list(),
    URL: serviceUrl({ default: 'https://api.example.com/v1' }),
    SKILL: optionalStr({ pattern: /^amzn1\.ask\.skill\./, describe: 'a skill id' }),
  };

  it('returns typed values with defaults filled in', () => {
    const env = parseEnv({ ISSUER_BASE_URL: 'https://t.example.com', IDS: 'a, b,a' }, spec);
    expect(env).to.deep.equal({
      ISSUER_BASE_URL: 'https://t.example.com/',
      AUDIENCE: 'https://whatshouldiwear',
      TIMEOUT_MS: 2500,
      LEVEL: 'info',
      IDS: ['a', 'b'],
      URL: 'https://api.example.com/v1',
      SKILL: undefined,
    });
  });

  it('names every missing or malformed variable in one error', () => {
    const attempt = () =>
      parseEnv(
        {
          ISSUER_BASE_URL: 'http://tenant.example.com/',
          TIMEOUT_MS: '12s',
          LEVEL: 'loud',
          URL: 'ftp://x',
          SKILL: 'nope',
        },
        spec,
      );
    expect(attempt).to.throw(ConfigError);
    try {
      attempt();
    } catch (error) {
      const names = (error as ConfigError).problems.map((p) => p.name);
      expect(names).to.deep.equal([
        'ISSUER_BASE_URL',
        'TIMEOUT_MS',
        'LEVEL',
        'IDS',
        'URL',
        'SKILL',
      ]);
      expect((error as ConfigError).message).to.match(/IDS is required/);
    }
  });

  it('allows http for loopback hosts only', () => {
    const ok = parseEnv({ ISSUER_BASE_URL: 'http://127.0.0.1:4000', IDS: 'x' }, spec);
    expect(ok.ISSUER_BASE_URL).to.equal('http://127.0.0.1:4000/');
    expect(() => parseEnv({ ISSUER_BASE_URL: 'http://10.0.0.1/', IDS: 'x' }, spec)).to.throw(
      /ISSUER_BASE_URL must use https/,
    );
  });

  it('normalises the issuer to exactly one trailing slash', () => {
    const env = parseEnv({ ISSUER_BASE_URL: 'https://t.example.com//', IDS: 'x' }, spec);
    expect(env.ISSUER_BASE_URL).to.equal('https://t.example.com/');
  });

  it('refuses URLs with credentials or a fragment', () => {
    expect(() =>
      parseEnv({ ISSUER_BASE_URL: 'https://u:p@t.example.com/', IDS: 'x' }, spec),
    ).to.throw(/must not carry credentials/);
    expect(() =>
      parseEnv({ ISSUER_BASE_URL: 'https://t.example.com/#x', IDS: 'x' }, spec),
    ).to.throw(/fragment/);
  });

  it('refuses an empty item in a list', () => {
    expect(() => parseEnv({ ISSUER_BASE_URL: 'https://t/', IDS: 'a,,b' }, spec)).to.throw(
      /empty item/,
    );
  });
});
