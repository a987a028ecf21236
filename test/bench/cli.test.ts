import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import {
  BenchUsageError,
  createTargets,
  parseBenchArgs,
  wholeNumber,
} from '../../scripts/bench/cli.js';

const tsx = import.meta.resolve('tsx');
const weather = fileURLToPath(new URL('../../scripts/bench/weather.ts', import.meta.url));
const proxy = fileURLToPath(new URL('../../scripts/bench/proxy.ts', import.meta.url));
const all = fileURLToPath(new URL('../../scripts/bench/index.ts', import.meta.url));

function run(script: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [`--import=${tsx}`, script, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('benchmarks: command line and verdict', function () {
  this.timeout(60_000);

  describe('parseBenchArgs', () => {
    it('reads --help, -h and --report-only', () => {
      expect(parseBenchArgs([])).to.deep.include({ help: false, reportOnly: false });
      expect(parseBenchArgs(['-h']).help).to.equal(true);
      expect(parseBenchArgs(['--help']).help).to.equal(true);
      expect(parseBenchArgs(['--report-only']).reportOnly).to.equal(true);
    });

    it('refuses unknown flags and positional arguments', () => {
      for (const argv of [['--quick'], ['--report_only'], ['extra'], ['--help=yes']]) {
        expect(() => parseBenchArgs(argv), argv.join(' ')).to.throw(BenchUsageError);
      }
    });

    it("takes a benchmark's own options", () => {
      const args = parseBenchArgs(['--quick', '--service-ms', '7'], {
        quick: { type: 'boolean' },
        'service-ms': { type: 'string' },
      });
      expect(args.values).to.deep.equal({ quick: true, 'service-ms': '7' });
      expect(wholeNumber(args, 'service-ms', 50)).to.equal(7);
      expect(wholeNumber(parseBenchArgs([]), 'service-ms', 50)).to.equal(50);
    });

    it('refuses a whole-number option that is not one', () => {
      const spec = { n: { type: 'string' as const } };
      for (const raw of ['', '-1', '1.5', 'ten', '1e3']) {
        expect(() => wholeNumber(parseBenchArgs([`--n=${raw}`], spec), 'n', 1), raw).to.throw(
          BenchUsageError,
          '--n takes a whole number',
        );
      }
    });
  });

  describe('createTargets', () => {
    it('exits 0 when every target is met', () => {
      const t = createTargets('bench:x', { reportOnly: false });
      expect(t.judge('a', true)).to.equal('met');
      expect(t.judge('b', true)).to.equal('met');
      expect(t.exitCode()).to.equal(0);
      expect(t.summary()).to.equal('bench:x: 2 of 2 targets met');
    });

    it('exits 1 when one is missed, naming it', () => {
      const t = createTargets('bench:x', { reportOnly: false });
      t.judge('a', true);
      expect(t.judge('b <= 2x', false)).to.equal('NOT met');
      expect(t.exitCode()).to.equal(1);
      expect(t.missed()).to.deep.equal(['b <= 2x']);
      expect(t.summary()).to.equal('bench:x: 1 of 2 targets missed: b <= 2x');
    });

    it('exits 0 with --report-only, and still says what was missed', () => {
      const t = createTargets('bench:x', { reportOnly: true });
      t.judge('b <= 2x', false);
      expect(t.exitCode()).to.equal(0);
      expect(t.summary()).to.include('b <= 2x').and.include('--report-only: exit 0');
    });
  });

  describe('as commands', () => {
    it('print their usage for --help and exit 0 without measuring', () => {
      for (const script of [weather, proxy, all]) {
        const r = run(script, ['--help']);
        expect(r.code, script).to.equal(0);
        expect(r.out).to.match(/^Usage: npm run bench/);
        expect(r.out).to.include('--report-only');
        expect(r.err).to.equal('');
      }
    });

    it('refuse an unknown flag with one line and exit 2', () => {
      for (const script of [weather, proxy, all]) {
        const r = run(script, ['--frobnicate']);
        expect(r.code, script).to.equal(2);
        expect(r.err.trim().split('\n')).to.have.length(1);
        expect(r.err).to.include('--frobnicate').and.include('--help for usage');
        expect(r.out).to.equal('');
      }
      const r = run(proxy, ['--service-ms', 'soon']);
      expect(r.code).to.equal(2);
      expect(r.err).to.include('--service-ms takes a whole number');
    });

    it('bench:weather measures, judges its target and sets the exit code from it', () => {
      const r = run(weather, []);
      expect(r.err).to.equal('');
      expect(r.out).to.match(
        /cold: \d+ upstream calls per 1000 requests {2}\(target <= 60: (met|NOT met)\)/,
      );
      const met = /target <= 60: met\)/.test(r.out);
      expect(r.code).to.equal(met ? 0 : 1);
      expect(r.out).to.include(met ? 'bench:weather: 1 of 1 targets met' : 'targets missed');
    });
  });
});
