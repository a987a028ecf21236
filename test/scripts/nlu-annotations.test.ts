/**
 * `npm run nlu:annotations` as a program: a named corpus of the locale is written as an annotation
 * set; a name outside the locale's corpora is refused before anything is read.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCorpus } from '../corpus/corpus.js';

const script = fileURLToPath(new URL('../../scripts/nlu-annotations.ts', import.meta.url));
const output = fileURLToPath(new URL('../../.build/nlu/en-US.sealed.json', import.meta.url));
const run = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import=tsx',
      script,
      ...args,
    ]);
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
};

describe('npm run nlu:annotations', function () {
  this.timeout(15_000);

  it('writes a named corpus of the locale, every line of it', async () => {
    const result = await run(['--corpus', 'en-US.sealed']);
    const corpus = loadCorpus('en-US.sealed');
    const lines = corpus.inDomain.length + corpus.outOfDomain.length;
    expect(result.stdout).to.equal(`wrote .build/nlu/en-US.sealed.json (${lines} annotations)\n`);
    const set = JSON.parse(readFileSync(output, 'utf8')) as { data: unknown[] };
    expect(set.data).to.have.length(lines);
  });

  it('takes the locale from the corpus, and says so when a corpus is missing, with exit 1', async () => {
    const british = await run(['--corpus', 'en-GB.sealed']);
    expect(british.stdout).to.match(
      /^wrote \.build\/nlu\/en-GB\.sealed\.json \(\d+ annotations\)\n$/,
    );
    const missing = await run(['--corpus', 'en-US.nowhere']);
    expect(missing.code).to.equal(1);
    expect(missing.stderr).to.equal('nlu:annotations: no corpus en-US.nowhere in test/corpus/\n');
  });

  it('refuses a corpus that is not a file of the locale in test/corpus, with exit 2', async () => {
    for (const [args, said] of [
      [['--corpus', '../../package'], 'is not a corpus of en-US'],
      [['--locale', 'en-GB', '--corpus', 'en-US.sealed'], 'is not a corpus of en-GB'],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).to.equal(2);
      expect(result.stderr).to.include(said);
    }
  });
});
