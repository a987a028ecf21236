/**
 * `npm run test:package`: the harness package as a stranger gets it. Builds the tarball
 * (`npm run build:harness`), installs it into an empty folder outside this repository with
 * `npm i <tarball> ask-sdk-core mocha chai jose`, and runs the plain-JavaScript suite of a small
 * third-party skill (greeter/) there, so that a missing export, a TypeScript-only file or a
 * dependency on this repository fails. Needs the npm registry (or a cache holding those
 * packages); `HARNESS_PACKAGE_OFFLINE=1` links them from this repository's node_modules instead.
 */
import { expect } from 'chai';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHarness } from '../../../../scripts/build-harness.js';

const ROOT = join(import.meta.dirname, '../../../..');
const CONSUMER_DEPENDENCIES = ['ask-sdk-core', 'mocha', 'chai', 'jose'];
/** What the offline mode links: the consumer's dependencies and what npm would add for them. */
const LINKED = [...CONSUMER_DEPENDENCIES, 'ask-sdk-model', 'ask-sdk-runtime'];

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  // The consumer's own environment: no loader, no options of this repository's test run.
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  return spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 170_000 });
}

function installOffline(scratch: string, tarball: string): void {
  const target = join(scratch, 'node_modules/alexa-skill-harness');
  mkdirSync(target, { recursive: true });
  const untar = run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], scratch);
  expect(untar.status, untar.stderr).to.equal(0);
  for (const name of LINKED) {
    symlinkSync(join(ROOT, 'node_modules', name), join(scratch, 'node_modules', name), 'dir');
  }
}

describe('the packed harness, installed into an empty folder', function () {
  this.timeout(180_000);
  let scratch: string;

  before(async () => {
    const tarball = await buildHarness();
    scratch = mkdtempSync(join(tmpdir(), 'harness-consumer-'));
    writeFileSync(
      join(scratch, 'package.json'),
      `${JSON.stringify({ name: 'greeter-skill', private: true, type: 'module' }, null, 2)}\n`,
    );
    cpSync(join(import.meta.dirname, 'greeter'), scratch, { recursive: true });
    if (process.env['HARNESS_PACKAGE_OFFLINE'] === '1') {
      installOffline(scratch, tarball);
    } else {
      const install = run(
        'npm',
        [
          'install',
          tarball,
          ...CONSUMER_DEPENDENCIES,
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
        ],
        scratch,
      );
      expect(install.status, `${install.stdout}${install.stderr}`).to.equal(0);
    }
  });

  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('installs the JavaScript and its declarations, and never nock', () => {
    const installed = join(scratch, 'node_modules/alexa-skill-harness');
    expect(existsSync(join(installed, 'dist/index.js'))).to.equal(true);
    expect(existsSync(join(installed, 'dist/index.d.ts'))).to.equal(true);
    expect(existsSync(join(installed, 'src')), 'TypeScript sources are not shipped').to.equal(
      false,
    );
    expect(existsSync(join(scratch, 'node_modules/nock'))).to.equal(false);
  });

  it('loads with require() as well as import', () => {
    const loaded = run(
      process.execPath,
      [
        '-e',
        "const h = require('alexa-skill-harness'); if (typeof h.conversation !== 'function') process.exit(3);",
      ],
      scratch,
    );
    expect(loaded.status, loaded.stderr).to.equal(0);
  });

  it('serves a TypeScript user its declarations, checked strictly', () => {
    // The compiler and the Node and chai types a TypeScript user would install, from here.
    const types = join(scratch, 'node_modules/@types');
    mkdirSync(types, { recursive: true });
    for (const name of ['node', 'chai']) {
      if (!existsSync(join(types, name))) {
        symlinkSync(join(ROOT, 'node_modules/@types', name), join(types, name), 'dir');
      }
    }
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node', 'chai'],
        },
        files: ['types-check.ts'],
      }),
    );
    const tsc = run(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      scratch,
    );
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).to.equal(0);
  });

  it("passes the greeter's plain-JavaScript suite", () => {
    const suite = run(
      process.execPath,
      [join(scratch, 'node_modules/mocha/bin/mocha.js'), '--forbid-only', 'greeter.spec.js'],
      scratch,
    );
    const output = `${suite.stdout}${suite.stderr}`;
    expect(suite.status, output).to.equal(0);
    expect(output)
      .to.match(/\d+ passing/)
      .and.not.match(/failing/);
  });
});
