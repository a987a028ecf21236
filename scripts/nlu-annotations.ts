/**
 * `npm run nlu:annotations -- [--locale en-US] [--corpus en-US.sealed]`: writes a realistic corpus
 * (the locale's, or the one named from test/corpus/) as an annotation set for Amazon's NLU
 * Evaluation Tool to `.build/nlu/<corpus>.json` (scripts/nlu/annotations.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  annotationSet,
  CorpusFormatError,
  readCorpus,
  type CorpusFile,
} from './nlu/annotations.js';

const ROOT = join(import.meta.dirname, '..');

function main(): number {
  let locale: string;
  let name: string;
  try {
    const { values } = parseArgs({
      options: {
        locale: { type: 'string' },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      console.log(
        "Usage: npm run nlu:annotations -- [--locale en-US] [--corpus en-US.sealed]\n\nWrites test/corpus/<corpus>.json (default: the locale's; the locale, unless given, is the corpus's) as an NLU annotation set to .build/nlu/<corpus>.json.",
      );
      return 0;
    }
    // The locale, unless given, is the corpus's: en-GB for en-GB.sealed.
    locale = values.locale ?? /^[a-z]{2}-[A-Z]{2}/.exec(values.corpus ?? '')?.[0] ?? 'en-US';
    name = values.corpus ?? locale;
  } catch (error) {
    console.error(`nlu:annotations: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale)) {
    console.error(`nlu:annotations: --locale "${locale}" is not a locale like en-US`);
    return 2;
  }
  if (!new RegExp(`^${locale}(\\.[a-z0-9-]+)?$`).test(name)) {
    console.error(
      `nlu:annotations: --corpus "${name}" is not a corpus of ${locale} (${locale} or ${locale}.<name>, as in test/corpus/)`,
    );
    return 2;
  }
  let corpus: CorpusFile;
  try {
    corpus = readCorpus(name);
  } catch (error) {
    const reason =
      error instanceof CorpusFormatError || error instanceof SyntaxError
        ? error.message
        : `no corpus ${name} in test/corpus/`;
    console.error(`nlu:annotations: ${reason}`);
    return 1;
  }
  const out = join(ROOT, '.build', 'nlu');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.json`);
  const set = annotationSet(corpus);
  writeFileSync(file, `${JSON.stringify(set, null, 2)}\n`);
  console.log(`wrote .build/nlu/${name}.json (${set.data.length} annotations)`);
  return 0;
}

process.exitCode = main();
