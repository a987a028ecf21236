/**
 * `npm run build:models`: writes `models/<locale>.json` from the grammar (tools/model-grammar),
 * after checking every rule; `--check` writes nothing and exits 1 when a file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkModel,
  generateModel,
  grammarLocales,
  modelText,
} from '../tools/model-grammar/index.js';
import { MODELS_DIR } from '../tools/utterances/index.js';

const HELP = `Usage: npm run build:models [-- --check]

Generates models/<locale>.json from tools/model-grammar/grammar.ts.
  --check   write nothing; exit 1 when a model file differs from what the grammar generates`;

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`build:models: unknown argument ${unknown[0] ?? ''} (see --help)`);
    return 2;
  }
  const check = argv.includes('--check');
  let failed = false;
  for (const locale of grammarLocales()) {
    const problems = checkModel(generateModel(locale));
    for (const p of problems) console.error(`${locale}: ${p.where} ${p.problem}`);
    if (problems.length > 0) {
      failed = true;
      continue;
    }
    const file = join(MODELS_DIR, `${locale}.json`);
    const text = modelText(locale);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // Missing: written below, or stale under --check.
    }
    if (current === text) {
      console.log(`${locale}: up to date`);
    } else if (check) {
      console.error(`${locale}: models/${locale}.json is stale: run npm run build:models`);
      failed = true;
    } else {
      writeFileSync(file, text);
      const samples =
        generateModel(locale).interactionModel.languageModel.intents[0]?.samples.length;
      console.log(`${locale}: wrote models/${locale}.json (${samples ?? 0} samples)`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
