/**
 * Nothing that runs outside `npm test` may load nock: importing it takes over node:http and
 * fetch for the whole process (every request gets a socket of nock's own, never kept alive), so a
 * benchmark, the load script or `npm start` would measure or run something else than production.
 */
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNNABLE = ['scripts', 'lambda', 'proxy', 'tools', 'common'];
/** Test runners themselves: `npm run test:live` runs mocha suites. */
const RUNNERS = new Set(['scripts/test-live.ts']);
const FORBIDDEN = new Set(['nock', 'fast-check', 'chai', 'mocha']);
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g;

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The module specifiers a source file imports (static, side-effect and dynamic imports). */
export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? '');
}

/** Every forbidden package reachable from `entry`, with the chain of files that reaches it. */
async function forbiddenFrom(entry: string): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = async (file: string, chain: string[]): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = await readFile(file, 'utf8');
    for (const specifier of importsOf(source)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
        await walk(target, [...chain, relative(ROOT, target)]);
      } else if (FORBIDDEN.has(specifier)) {
        found.push(`${[...chain].join(' -> ')} imports ${specifier}`);
      }
    }
  };
  await walk(entry, [relative(ROOT, entry)]);
  return found;
}

describe('code that runs outside the tests', () => {
  it('reads every kind of import the walk relies on', () => {
    expect(
      importsOf(
        "import a from 'nock';\nimport { b } from './b.js';\nimport './c.js';\nawait import('./d.js');",
      ),
    ).to.deep.equal(['nock', './b.js', './c.js', './d.js']);
  });

  it('never loads nock or another test library, directly or through the harness', async () => {
    const files = (await Promise.all(RUNNABLE.map((d) => tsFiles(join(ROOT, d)))))
      .flat()
      .filter((f) => !RUNNERS.has(relative(ROOT, f)));
    expect(files.length).to.be.above(50);
    const problems = (await Promise.all(files.map(forbiddenFrom))).flat();
    expect([...new Set(problems)]).to.deep.equal([]);
  });
});
