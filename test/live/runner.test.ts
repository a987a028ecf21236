/**
 * The `test:live` command, offline: it refuses to start without its variables, and it runs the
 * live suites end to end (mint-token, the tenant's key set, a real verifier) against the local
 * issuer on loopback, standing in for the tenant.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'chai';
import { startLocalIssuer, type LocalIssuer } from '../../tools/issuer/index.js';
import { LIVE_VARIABLES } from './live-config.js';
import { runLive } from './run-live.js';

const ROOT = join(import.meta.dirname, '../..');

async function refusal(env: Record<string, string>) {
  let minted = 0;
  let stderr = '';
  const code = await runLive({
    argv: [],
    env,
    stdout: () => undefined,
    stderr: (text) => (stderr += text),
    mint: () => {
      minted += 1;
      return Promise.reject(new Error('must not be called'));
    },
  });
  return { code, stderr, minted };
}

describe('npm run test:live', () => {
  it('refuses to start without its variables, naming every one, in one line', async () => {
    const { code, stderr, minted } = await refusal({});
    expect(code).to.equal(2);
    for (const name of LIVE_VARIABLES) expect(stderr).to.include(name);
    expect(stderr.trim().split('\n')).to.have.length(1);
    expect(minted).to.equal(0);
  });

  it("says with --help how to run the corpus through Alexa's own NLU", async () => {
    let stdout = '';
    const code = await runLive({
      argv: ['--help'],
      env: {},
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    expect(code).to.equal(0);
    expect(stdout).to.include('npm run nlu:annotations').and.include('NLU Evaluation Tool');
  });

  it('names only the variables that are missing or malformed', async () => {
    const { code, stderr } = await refusal({
      ISSUER_BASE_URL: 'http://tenant.example/',
      AUDIENCE: 'https://whatshouldiwear',
      TEST_CLIENT_ID: 'client',
    });
    expect(code).to.equal(2);
    expect(stderr).to.include('ISSUER_BASE_URL').and.include('TEST_CLIENT_SECRET');
    expect(stderr).not.to.include('AUDIENCE (').and.not.to.include('TEST_CLIENT_ID (');
  });

  describe('against the local issuer standing in for the tenant', function () {
    this.timeout(30_000);
    let issuer: LocalIssuer;

    before(async () => {
      issuer = await startLocalIssuer();
    });

    after(() => issuer.stop());

    it('mints a token with mint-token and passes the intent suites with a real verifier', async () => {
      const child = spawn(
        process.execPath,
        ['--import=tsx', 'scripts/test-live.ts', '--no-cache'],
        {
          cwd: ROOT,
          env: {
            PATH: process.env['PATH'],
            ISSUER_BASE_URL: issuer.url,
            AUDIENCE: 'https://whatshouldiwear',
            TEST_CLIENT_ID: issuer.testClient.clientId,
            TEST_CLIENT_SECRET: issuer.testClient.clientSecret,
            REQUIRED_SCOPE: 'read:whattowear',
          },
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, output).to.equal(0);
      expect(output)
        .to.match(/\d+ passing/)
        .and.not.match(/failing/);
      expect(output).to.include('refuses a token (HS256 signed with the public key');
      expect(issuer.issued.client_credentials).to.equal(1);
    });
  });
});
