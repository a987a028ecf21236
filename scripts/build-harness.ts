/**
 * `npm run build:harness`: compiles the harness package (packages/alexa-skill-harness) to
 * JavaScript with declarations (its `dist/`), checks that nothing TypeScript-only went in, and
 * packs it with `npm pack` into `.build/harness/<name>-<version>.tgz`. Prints the tarball's path.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
/** The harness package's folder. */
export const HARNESS_DIR = join(ROOT, 'packages/alexa-skill-harness');
/** Where the tarball goes. */
export const HARNESS_OUT_DIR = join(ROOT, '.build/harness');

const USAGE = `Usage: npm run build:harness

Builds packages/alexa-skill-harness to JavaScript with type declarations and writes its
installable tarball to .build/harness/<name>-<version>.tgz (npm pack); prints its path.
`;

/** A step of the build failed. */
export class HarnessBuildError extends Error {
  override readonly name = 'HarnessBuildError';
  readonly code = 'ERR_HARNESS_BUILD';
}

function run(command: string, args: readonly string[], cwd: string, what: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim();
    throw new HarnessBuildError(`${what} failed: ${output || String(result.error)}`);
  }
  return result.stdout;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
}

/** Builds and packs the harness package; resolves to the tarball's absolute path. */
export async function buildHarness(options: { readonly outDir?: string } = {}): Promise<string> {
  const outDir = options.outDir ?? HARNESS_OUT_DIR;
  const dist = join(HARNESS_DIR, 'dist');
  await rm(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], HARNESS_DIR, 'tsc');
  const typeScriptOnly = filesUnder(dist).filter(
    (f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.d.ts'),
  );
  if (typeScriptOnly.length > 0) {
    throw new HarnessBuildError(
      `TypeScript sources in dist/: ${typeScriptOnly.map((f) => relative(HARNESS_DIR, f)).join(', ')}`,
    );
  }
  await mkdir(outDir, { recursive: true });
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', outDir], HARNESS_DIR, 'npm pack'),
  ) as { filename: string }[];
  const filename = packed[0]?.filename;
  if (filename === undefined) throw new HarnessBuildError('npm pack named no tarball');
  const manifest = JSON.parse(readFileSync(join(HARNESS_DIR, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const expected = `${manifest.name}-${manifest.version}.tgz`;
  if (filename !== expected) {
    throw new HarnessBuildError(`npm pack wrote ${filename}, expected ${expected}`);
  }
  return join(outDir, filename);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let help = false;
  try {
    help = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help === true;
  } catch (error) {
    process.stderr.write(`build:harness: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (help) {
    process.stdout.write(USAGE);
  } else {
    buildHarness().then(
      (tarball) => process.stdout.write(`${relative(process.cwd(), tarball)}\n`),
      (error: unknown) => {
        process.stderr.write(
          `build:harness: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 1;
      },
    );
  }
}
