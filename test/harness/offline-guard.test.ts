/**
 * `npm test` never goes live, whatever the environment or `.env` holds: the offline skill reads
 * neither, the network is closed except loopback, and the live suites are not in its spec.
 */
import { expect, use } from 'chai';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { alexaAssertions } from 'alexa-skill-harness';
import { skillConversation } from './conversation.js';
import { createTestSkill } from './test-skill.js';
import { TEST_ISSUER, SkillTestIssuer } from './tokens.js';

use(alexaAssertions);

const ROOT = join(import.meta.dirname, '../..');
const LIVE = {
  ISSUER_BASE_URL: 'https://live-tenant.example.auth0.com/',
  AUDIENCE: 'https://live-audience.example',
  TEST_CLIENT_ID: 'live-client',
  TEST_CLIENT_SECRET: 'live-secret',
  WEATHER_PROVIDER: 'open-meteo',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('npm test stays offline', () => {
  const saved: Record<string, string | undefined> = {};

  beforeEach(() => {
    for (const [name, value] of Object.entries(LIVE)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });

  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
  });

  it('answers from the test issuer and nock, with a live tenant in the environment', async () => {
    const issuer = new SkillTestIssuer();
    const served = issuer.serveJwks();
    const { transport } = createTestSkill({ issuer });
    const reply = await skillConversation({ transport, accessToken: issuer.mint() }).say(
      'what should I wear in Boston',
    );
    expect(reply).to.have.speech(/feel like/);
    expect(served.requests).to.equal(1);
    expect(issuer.issuer).to.equal(TEST_ISSUER);
  });

  it('cannot reach the live tenant: the network is closed except loopback', async () => {
    let thrown: unknown;
    try {
      await fetch(`${LIVE.ISSUER_BASE_URL}.well-known/jwks.json`);
    } catch (error) {
      thrown = error;
    }
    expect(String((thrown as Error | undefined)?.cause ?? thrown)).to.match(
      /Nock: Disallowed net connect/,
    );
  });

  it('reads neither .env nor the tenant variables in the skill suites or the harness', () => {
    // The suites that run the skill, and the harness they use: this layer and the package
    // (mint-token's own tests read temporary dotenv files on purpose; the live suites run only
    // under test:live).
    const offending = ['test/harness', 'test/lambda', 'packages/alexa-skill-harness/src']
      .flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => !f.endsWith('offline-guard.test.ts'))
      .filter((f) =>
        /withDotEnv|['"`]\.env['"`]|process\.env\[?['".]?(ISSUER_BASE_URL|TEST_CLIENT_(ID|SECRET))/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => relative(ROOT, f));
    expect(offending).to.deep.equal([]);
  });

  it('leaves the live suites out of its spec', () => {
    const mocharc = JSON.parse(readFileSync(join(ROOT, '.mocharc.json'), 'utf8')) as {
      spec: string[];
    };
    const liveSuites = readdirSync(join(ROOT, 'test/live')).filter((f) => f.endsWith('.live.ts'));
    expect(liveSuites).to.not.be.empty;
    expect(mocharc.spec).to.deep.equal(['test/**/*.test.ts', 'packages/*/test/**/*.test.ts']);
    for (const file of liveSuites) expect(file).not.to.match(/\.test\.ts$/);
  });
});

describe('a test that leaves a nock interceptor unused', () => {
  it('fails on its own, and every test after it still runs', function () {
    this.timeout(30_000);
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/mocha/bin/mocha.js'),
        '--no-config',
        '--node-option',
        'import=tsx',
        '--extension',
        'ts',
        '--require',
        'test/harness/setup.ts',
        '--reporter',
        'json',
        'test/harness/fixtures/unused-interceptor.fixture.ts',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const report = JSON.parse(run.stdout) as {
      stats: { tests: number; passes: number; failures: number };
      failures: { title: string; err: { message: string } }[];
    };
    expect(report.stats).to.include({ tests: 3, passes: 2, failures: 1 });
    expect(report.failures.map((f) => f.title)).to.deep.equal(['leaves an interceptor unused']);
    expect(report.failures[0]?.err.message).to.match(/^Unused nock interceptors left by/);
  });
});
