/**
 * The realistic corpus (test/corpus/<locale>.json) as an annotation set for Amazon's NLU
 * Evaluation Tool, so that the same utterances can be run through Alexa's own NLU for a real
 * skill id (see README, "Live runs"): each in-domain line expects WhatShouldIWearIntent with its
 * city and date (AMAZON.DATE values as Alexa sends them, counted from the corpus's `today`: the
 * reference timestamp is that day at noon UTC); each out-of-domain line expects the fallback.
 * The item is not annotated: the tool compares slot values, and the corpus records the item's
 * entity-resolution id, not the words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One in-domain line of the corpus: what Alexa should send for the utterance. */
export interface InDomainLine {
  readonly utterance: string;
  readonly city: string | null;
  /** An AMAZON.DATE value, as Alexa sends it. */
  readonly date: string | null;
  /** The ClothingItem entity-resolution id. */
  readonly item: string | null;
}

/** The corpus file's shape (test/corpus/<locale>.json). */
export interface CorpusFile {
  readonly today: string;
  readonly inDomain: readonly InDomainLine[];
  readonly outOfDomain: readonly string[];
}

/** One annotation: the utterance, when it is said, and the intent Alexa should send. */
export interface Annotation {
  readonly inputs: { readonly utterance: string; readonly referenceTimestamp: string };
  readonly expected: readonly [
    {
      readonly intent: {
        readonly name: string;
        readonly slots?: Readonly<Record<string, { readonly value: string }>>;
      };
    },
  ];
}

/** A corpus that is not one: what is wrong, for one line on stderr. */
export class CorpusFormatError extends Error {
  override readonly name = 'CorpusFormatError';
  readonly code = 'ERR_CORPUS_FORMAT';
}

/** Narrows parsed JSON to a corpus file, or throws {@link CorpusFormatError}. */
export function assertIsCorpus(value: unknown): asserts value is CorpusFile {
  const c = value as Partial<CorpusFile> | null;
  if (typeof c?.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.today)) {
    throw new CorpusFormatError('the corpus has no "today" written YYYY-MM-DD');
  }
  if (!Array.isArray(c.inDomain) || !Array.isArray(c.outOfDomain)) {
    throw new CorpusFormatError('the corpus needs "inDomain" and "outOfDomain" lists');
  }
  for (const line of c.inDomain as unknown[]) {
    if (typeof (line as { utterance?: unknown } | null)?.utterance !== 'string') {
      throw new CorpusFormatError('an in-domain line has no "utterance"');
    }
  }
  if (!(c.outOfDomain as unknown[]).every((u) => typeof u === 'string')) {
    throw new CorpusFormatError('an out-of-domain line is not a string');
  }
}

/** The annotation set (`{ data: [...] }`, the JSON body of the annotations update) for `corpus`. */
export function annotationSet(corpus: CorpusFile): { readonly data: readonly Annotation[] } {
  const referenceTimestamp = `${corpus.today}T12:00:00.000Z`;
  const inDomain = corpus.inDomain.map((line): Annotation => {
    const slots: Record<string, { value: string }> = {};
    if (line.city !== null) slots['city'] = { value: line.city };
    if (line.date !== null) slots['date'] = { value: line.date };
    return {
      inputs: { utterance: line.utterance, referenceTimestamp },
      expected: [{ intent: { name: 'WhatShouldIWearIntent', slots } }],
    };
  });
  const outOfDomain = corpus.outOfDomain.map((utterance): Annotation => ({
    inputs: { utterance, referenceTimestamp },
    expected: [{ intent: { name: 'AMAZON.FallbackIntent' } }],
  }));
  return { data: [...inDomain, ...outOfDomain] };
}

/** The folder of the corpora. */
export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'test', 'corpus');

/**
 * The corpus `test/corpus/<name>.json`, checked. Throws {@link CorpusFormatError} for a file that is
 * not a corpus, a SyntaxError for one that is not JSON, and the read's own error when it is missing.
 */
export function readCorpus(name: string): CorpusFile {
  const corpus: unknown = JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.json`), 'utf8'));
  assertIsCorpus(corpus);
  return corpus;
}
