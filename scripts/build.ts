/**
 * `npm run build`: bundles the Lambda entries into `.build/lambda/` (CONTRACT.md "Artifacts"):
 * `index.js` (the skill, handler `index.handler`) and `proxy.js` (the proxy, `proxy.handler`),
 * CommonJS, minified, with source maps, and a package.json there that says CommonJS, so the
 * root's `"type": "module"` does not leak in. An entry that does not exist yet is skipped, loudly.
 * Then writes the ASK CLI skill package into `.build/skill-package/` (see
 * scripts/deploy/skill-package.ts), keeping the endpoint the ASK CLI recorded.
 */
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_PATHS } from './deploy/project.js';
import { buildSkillPackage, type SkillPackageResult } from './deploy/skill-package.js';
import { LAZY_MODULES, lazyModules } from './build-lazy.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** The bundles: output name (without `.js`) -> source entry, relative to the repository root. */
export const LAMBDA_ENTRIES: Readonly<Record<string, string>> = {
  index: 'lambda/index.ts',
  proxy: 'proxy/index.ts',
  ...LAZY_MODULES,
};

export interface BuildOptions {
  /** Where the Lambda bundles go. Default `.build/lambda` under the repository root. */
  readonly outDir?: string;
  /** Told of each step. Default: standard error. */
  readonly report?: (line: string) => void;
  /** Minify (the shipped bundles are). Off only for diagnostics, such as readable CPU profiles. */
  readonly minify?: boolean;
}

/** Builds every existing entry; resolves to the output names built. */
export async function buildLambdas(options: BuildOptions = {}): Promise<string[]> {
  const outDir = options.outDir ?? join(ROOT, PROJECT_PATHS.lambdaDir);
  const report = options.report ?? ((line: string) => process.stderr.write(`${line}\n`));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, 'package.json'),
    `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`,
  );
  const built: string[] = [];
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
    const source = join(ROOT, entry);
    if (!existsSync(source)) {
      report(`build: skipped ${name}.js: ${entry} does not exist yet`);
      continue;
    }
    const result = await esbuild({
      entryPoints: [source],
      outfile: join(outDir, `${name}.js`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20.19',
      minify: options.minify ?? true,
      // Not keepNames: its renaming helper ran for every closure made per request. Error classes
      // name themselves with literals instead (common/errors.ts).
      keepNames: false,
      sourcemap: true,
      sourcesContent: false,
      legalComments: 'linked',
      metafile: true,
      logLevel: 'warning',
      plugins: [lazyModules],
    });
    const bytes =
      Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined)?.bytes ?? 0;
    report(`build: ${name}.js ${(bytes / 1024).toFixed(1)} KiB`);
    built.push(name);
  }
  return built;
}

/** Options of {@link buildAll}. */
export interface BuildAllOptions extends BuildOptions {
  /** Where the skill package goes. Default `.build/skill-package` under the repository root. */
  readonly skillPackageDir?: string;
  /** The ASK CLI profile whose recorded endpoint the package keeps. Default `default`. */
  readonly profile?: string;
}

/** `npm run build`: the Lambda bundles, then the skill package. */
export async function buildAll(
  options: BuildAllOptions = {},
): Promise<{ lambdas: string[]; skillPackage: SkillPackageResult }> {
  const report = options.report ?? ((line: string) => process.stderr.write(`${line}\n`));
  const lambdas = await buildLambdas({ ...options, report });
  const skillPackage = await buildSkillPackage({
    outDir: options.skillPackageDir,
    profile: options.profile,
    report,
  });
  return { lambdas, skillPackage };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const profile = process.env['ASK_PROFILE'] ?? process.env['ASK_DEFAULT_PROFILE'];
  buildAll({ profile }).catch((error: unknown) => {
    process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
