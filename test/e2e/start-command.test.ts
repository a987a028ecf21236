import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { runStart, type LocalStack } from '../../scripts/local-stack/index.js';

const script = fileURLToPath(new URL('../../scripts/start.ts', import.meta.url));
/** tsx by absolute URL, so that a child started in another folder still finds it. */
const tsx = import.meta.resolve('tsx');

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const ROOT_TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

/** Children started by a test, killed after it should it fail midway (or mocha would wait on them). */
const children = new Set<ChildProcess>();

function startChild(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
) {
  const child = spawn(process.execPath, [`--import=${tsx}`, script, ...args], {
    cwd: options.cwd,
    // npm runs scripts in the repository, where tsx finds tsconfig.json (and its path to the
    // harness package's sources); a child in another folder is told where it is.
    env: { ...(options.env ?? process.env), TSX_TSCONFIG_PATH: ROOT_TSCONFIG },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Runs `npm start`'s script as a child process (what `npm start` runs: tsx scripts/start.ts). */
async function runChild(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; onStdout?: (text: string) => void } = {},
): Promise<Run> {
  const child = startChild(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    options.onStdout?.(stdout);
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}

/** A tenant's variables, which `npm start` must ignore. */
const TENANT_ENV = {
  ISSUER_BASE_URL: 'https://tenant.invalid/',
  AUDIENCE: 'https://elsewhere.invalid',
  WEATHER_PROVIDER: 'open-meteo',
  UPSTREAM_TOKEN_URL: 'https://tenant.invalid/oauth/token',
  TEST_CLIENT_ID: 'real-client',
  TEST_CLIENT_SECRET: 'real-secret',
};

function stdio(input = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  stdin.end(input);
  return { io: { stdin, stdout, stderr }, out: () => out, err: () => err };
}

describe('e2e: npm start', function () {
  this.timeout(20_000);
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  describe('as a child process', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'start-'));
      writeFileSync(join(dir, '.env'), 'ISSUER_BASE_URL=https://dotenv.invalid/\n');
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers one utterance offline with demo weather and exits 0, ignoring tenant variables and .env', async () => {
      // A device in Paris's zone: "tomorrow" in Paris is then the device's tomorrow at any hour.
      const run = await runChild(
        ['--time-zone', 'Europe/Paris', 'what should I wear in Paris tomorrow'],
        {
          cwd: dir,
          env: { ...process.env, ...TENANT_ENV },
        },
      );
      expect(run.stderr).to.equal('');
      expect(run.code).to.equal(0);
      expect(run.stdout).to.include('You> what should I wear in Paris tomorrow');
      expect(run.stdout).to.include('[heard: WhatShouldIWearIntent city=Paris date=');
      expect(run.stdout).to.match(/^Alexa: .*Paris/m);
      expect(run.stdout).to.include('Card: Paris: Tomorrow');
      expect(run.stdout).to.include('Demo forecast: made up for testing, not real weather.');
    });

    it('reports a port in use in one line and exits 1', async () => {
      const blocker: Server = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as { port: number }).port;
      try {
        const run = await runChild(['--skill-port', String(port), 'help']);
        expect(run.code).to.equal(1);
        expect(run.stdout).to.equal('');
        expect(run.stderr.trim().split('\n')).to.have.length(1);
        expect(run.stderr).to.include(`port ${port} (skill) is already in use on 127.0.0.1`);
      } finally {
        blocker.close();
      }
    });

    it('stops every server and exits on SIGINT', async () => {
      const child = startChild([]);
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        const ready = out.includes('/quit ');
        out += c.toString('utf8');
        if (!ready && out.includes('/quit ')) child.kill('SIGINT');
      });
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).to.equal(130);
      const skillUrl = /skill endpoint\s+(http:\/\/\S+)/.exec(out)?.[1] ?? '';
      let refused = false;
      try {
        await fetch(skillUrl, { method: 'POST', body: '{}' });
      } catch {
        refused = true;
      }
      expect(refused, `${skillUrl} still answers`).to.equal(true);
    });
  });

  describe('in process', () => {
    it('prints the usage for --help and exits 0', async () => {
      const s = stdio();
      expect(await runStart(['--help'], s.io)).to.equal(0);
      expect(s.out()).to.include('Usage: npm start');
      expect(s.out()).to.include('--live-weather');
    });

    it('refuses an unknown flag with one line and exit 2', async () => {
      const s = stdio();
      expect(await runStart(['--bogus'], s.io)).to.equal(2);
      expect(s.err().trim().split('\n')).to.have.length(1);
    });

    it('refuses a port fetch will not connect to, naming it, with exit 2', async () => {
      const s = stdio();
      expect(await runStart(['--skill-port', '6000'], s.io)).to.equal(2);
      expect(s.err()).to.include('--skill-port 6000').and.include('bad ports');
      expect(s.err().trim().split('\n')).to.have.length(1);
    });

    it('refuses an empty utterance and a prompt command as an utterance, with exit 2', async () => {
      for (const argv of [[''], ['/claims'], ['  ']]) {
        const s = stdio();
        expect(await runStart(argv, s.io), JSON.stringify(argv)).to.equal(2);
        expect(s.err().trim().split('\n')).to.have.length(1);
        expect(s.out()).to.equal('');
      }
    });

    it('refuses a token lifetime that would expire mid-turn', async () => {
      for (const ttl of ['59', '0', 'ten', '1e3', '60.5']) {
        const s = stdio();
        expect(await runStart(['--token-ttl', ttl], s.io), ttl).to.equal(2);
        expect(s.err()).to.include('--token-ttl').and.include('at least 60');
        expect(s.err().trim().split('\n')).to.have.length(1);
      }
    });

    it("warns at start when the proxy would report a lifetime under Alexa's 360 s, and still answers", async () => {
      const s = stdio();
      expect(await runStart(['--token-ttl', '300', 'what should I wear in Paris'], s.io)).to.equal(
        0,
      );
      const lines = s.err().trim().split('\n');
      expect(lines).to.have.length(1);
      // 300 s less the 60 s margin: what the proxy tells Alexa.
      expect(lines[0])
        .to.include('warning: access tokens live 300 s')
        .and.include('expires_in 240 s');
      expect(s.out()).to.match(/^Alexa: .*Paris/m);
    });

    it('says nothing about the lifetime when Alexa gets at least 360 s', async () => {
      for (const ttl of ['420', '3600']) {
        const s = stdio();
        expect(await runStart(['--token-ttl', ttl, 'what should I wear in Paris'], s.io)).to.equal(
          0,
        );
        expect(s.err(), ttl).to.equal('');
      }
      const s = stdio();
      expect(await runStart(['--token-ttl', '419', 'what should I wear in Paris'], s.io)).to.equal(
        0,
      );
      expect(s.err()).to.include('expires_in 359 s');
    });

    it('exits 1 with one line on stderr when the turn fails at the skill endpoint', async () => {
      const s = stdio();
      const io = {
        ...s.io,
        onStarted: (stack: LocalStack) => stack.skill.stop(),
      };
      expect(await runStart(['what should I wear in Paris'], io)).to.equal(1);
      expect(s.out()).to.include('[the skill endpoint failed:');
      expect(s.err().trim().split('\n')).to.deep.equal([
        'npm start: the turn was not answered: the skill endpoint failed',
      ]);
    });

    it('prints a banner naming each endpoint, the demo weather and curl lines, then runs the prompt', async () => {
      const s = stdio('what should I wear in Paris tomorrow\n');
      expect(await runStart(['--time-zone', 'Europe/Paris'], s.io)).to.equal(0);
      const out = s.out();
      expect(out).to.match(/issuer \(Auth0 stand-in\)\s+http:\/\/127\.0\.0\.1:\d+\//);
      expect(out).to.match(/token proxy\s+http:\/\/127\.0\.0\.1:\d+\//);
      expect(out).to.match(/skill endpoint\s+http:\/\/127\.0\.0\.1:\d+\//);
      expect(out).to.include('demo: made-up forecasts, not real weather');
      expect(out).to.include('curl -s http://127.0.0.1:');
      expect(out).to.include('Linked the test account');
      expect(out).to.include('Card: Paris: Tomorrow');
    });

    it('starts unlinked with --no-link', async () => {
      const s = stdio();
      expect(await runStart(['--no-link', 'what should I wear in Paris'], s.io)).to.equal(0);
      expect(s.out()).to.include('Card: LinkAccount');
    });

    it('stops every server when its signal aborts', async () => {
      const s = stdio();
      const stdin = new PassThrough(); // never ends: the prompt waits
      const controller = new AbortController();
      let out = '';
      s.io.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (out.includes('/quit ')) controller.abort();
      });
      const code = await runStart([], { ...s.io, stdin, signal: controller.signal });
      expect(code).to.equal(130);
      const proxyUrl = /token proxy\s+(http:\/\/\S+)/.exec(out)?.[1] ?? '';
      let refused = false;
      try {
        await fetch(proxyUrl, { method: 'POST' });
      } catch {
        refused = true;
      }
      expect(refused).to.equal(true);
    });
  });
});
