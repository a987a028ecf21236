/**
 * Runs a benchmark script as production runs code: bundled and minified by esbuild (as
 * `npm run build` bundles the Lambdas), then executed by plain `node`, without tsx's transform
 * and its helpers on the hot path. Usage: `tsx scripts/bench/bundled.ts scripts/bench/skill.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const entry = process.argv[2];
if (entry === undefined) {
  process.stderr.write('usage: tsx scripts/bench/bundled.ts <bench script>\n');
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), 'wsiw-bench-'));
try {
  const outfile = join(dir, 'bench.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    minify: true,
    logLevel: 'warning',
    // ask-sdk-core and jwks-rsa are CommonJS and require() node built-ins.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(3)], {
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
