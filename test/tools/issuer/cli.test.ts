import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const script = fileURLToPath(new URL('../../../scripts/issuer.ts', import.meta.url));

/** Starts scripts/issuer.ts and resolves with its printed variables once they are all out. */
async function startCli(
  args: string[],
): Promise<{ child: ChildProcess; vars: Map<string, string> }> {
  const child = spawn(process.execPath, ['--import=tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    out += chunk.toString('utf8');
    if (out.includes('REDIRECT_URIS=') && out.endsWith('\n')) break;
  }
  const vars = new Map(
    out
      .trim()
      .split('\n')
      .map(
        (line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const,
      ),
  );
  return { child, vars };
}

describe('issuer command line', function () {
  this.timeout(15_000);

  it('prints its URL and test client, serves tokens, and exits 0 on SIGTERM', async () => {
    const { child, vars } = await startCli(['--client-secret', 'cli-secret', '--client-id', 'cli']);
    try {
      expect(vars.get('ISSUER_BASE_URL')).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(vars.get('TEST_CLIENT_ID')).to.equal('cli');
      const response = await fetch(vars.get('TOKEN_URL') ?? '', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          audience: 'https://whatshouldiwear',
          client_id: 'cli',
          client_secret: 'cli-secret',
        }).toString(),
      });
      expect(response.status).to.equal(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).to.equal(0);
  });

  it('refuses a malformed --port with exit 2', async () => {
    const child = spawn(process.execPath, ['--import=tsx', script, '--port', 'abc'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).to.equal(2);
    expect(err).to.match(/^issuer: --port must be a whole number/);
  });
});
