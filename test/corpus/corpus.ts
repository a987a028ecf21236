/**
 * The realistic corpus (en-US.json, written as people talk, apart from the grammar) scored
 * through the model: recall (in-domain utterances heard as WhatShouldIWearIntent with the
 * expected city, day and item) and the out-of-domain rate (utterances that fall back).
 */
import { loadLocaleModel } from '../../tools/utterances/index.js';
import { resolutionOf, resolveUtterance, type UtteranceMeaning } from 'alexa-skill-harness';
import { readCorpus, type CorpusFile } from '../../scripts/nlu/annotations.js';

/** The corpus file `<name>.json` (default: the locale's corpus). */
export function loadCorpus(name = 'en-US'): CorpusFile {
  return readCorpus(name);
}

/** What was heard, in the corpus's terms. */
export function heardAs(meaning: UtteranceMeaning): {
  intent: string;
  city: string | null;
  date: string | null;
  item: string | null;
} {
  if (meaning.kind !== 'intent') return { intent: 'launch', city: null, date: null, item: null };
  const item = meaning.slots['item'];
  const resolution = resolutionOf(item);
  return {
    intent: meaning.name,
    city: meaning.slots['city']?.value ?? null,
    date: meaning.slots['date']?.value ?? null,
    item:
      item?.value === undefined
        ? null
        : resolution?.status.code === 'ER_SUCCESS_MATCH'
          ? (resolution.values[0]?.value.id ?? null)
          : 'NO_MATCH',
  };
}

/** The scores of the corpus `name` (default the locale's) through the model of `locale`, with every miss. */
export function scoreCorpus(locale = 'en-US', name = locale) {
  const corpus = loadCorpus(name);
  const model = loadLocaleModel(locale);
  const hear = (utterance: string) =>
    heardAs(resolveUtterance(model, utterance, { today: corpus.today, onAmbiguity: 'first' }));
  const misses: { utterance: string; expected: unknown; heard: unknown }[] = [];
  let recalled = 0;
  for (const line of corpus.inDomain) {
    const heard = hear(line.utterance);
    const expected = {
      intent: 'WhatShouldIWearIntent',
      city: line.city,
      date: line.date,
      item: line.item,
    };
    const same =
      heard.intent === expected.intent &&
      (heard.city ?? '').toLowerCase() === (line.city ?? '').toLowerCase() &&
      heard.date === line.date &&
      heard.item === line.item;
    if (same) recalled += 1;
    else misses.push({ utterance: line.utterance, expected, heard });
  }
  let fellBack = 0;
  const leaks: { utterance: string; heard: unknown }[] = [];
  const listed = new Set(
    (model.intents.find((i) => i.name === 'AMAZON.FallbackIntent')?.samples ?? []).map((s) =>
      s.toLowerCase(),
    ),
  );
  const unlisted = corpus.outOfDomain.filter((u) => !listed.has(u.toLowerCase()));
  let unlistedFellBack = 0;
  for (const utterance of corpus.outOfDomain) {
    const heard = hear(utterance);
    if (heard.intent === 'AMAZON.FallbackIntent') {
      fellBack += 1;
      if (!listed.has(utterance.toLowerCase())) unlistedFellBack += 1;
    } else {
      leaks.push({ utterance, heard });
    }
  }
  return {
    recall: recalled / corpus.inDomain.length,
    outOfDomainRate: fellBack / corpus.outOfDomain.length,
    unlistedOutOfDomain: unlisted.length,
    unlistedOutOfDomainRate: unlisted.length === 0 ? 1 : unlistedFellBack / unlisted.length,
    inDomain: corpus.inDomain.length,
    outOfDomain: corpus.outOfDomain.length,
    misses,
    leaks,
  };
}
