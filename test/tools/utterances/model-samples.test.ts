/** Every sample utterance of every model is heard as its own intent, with its slots. */
import { expect } from 'chai';
import { loadLocaleModel, modelLocales } from '../../../tools/utterances/index.js';
import { resolveUtterance } from 'alexa-skill-harness';

const TODAY = '2026-11-25';
/** What each slot type is filled with, and the value Alexa sends for it. */
const FILL: Readonly<Record<string, { said: string; value: string }>> = {
  'AMAZON.City': { said: 'Boston', value: 'Boston' },
  'AMAZON.DATE': { said: 'tomorrow', value: '2026-11-26' },
  ClothingItem: { said: 'an umbrella', value: 'an umbrella' },
  Purpose: { said: 'work', value: 'work' },
};

describe('the interaction models', () => {
  // Locales generated from one grammar share their samples: each distinct set is walked once.
  const groups = new Map<string, string[]>();
  for (const locale of modelLocales()) {
    const key = JSON.stringify(
      loadLocaleModel(locale).intents.map((i) => [i.name, i.samples, i.slots]),
    );
    groups.set(key, [...(groups.get(key) ?? []), locale]);
  }
  for (const locales of groups.values()) {
    const model = loadLocaleModel(locales[0] ?? 'en-US');
    it(`hears every sample utterance of ${locales.join(', ')} as its own intent, with its slots`, () => {
      let walked = 0;
      for (const intent of model.intents) {
        for (const sample of intent.samples ?? []) {
          const expected: Record<string, string> = {};
          const utterance = sample.replace(/\{(\w+)\}/g, (_m, slot: string) => {
            const type = intent.slots?.find((s) => s.name === slot)?.type ?? '';
            const fill = FILL[type];
            if (fill === undefined) throw new Error(`no test value for slot type ${type}`);
            expected[slot] = fill.value;
            return fill.said;
          });
          const meaning = resolveUtterance(model, utterance, { today: TODAY });
          expect(meaning, `"${utterance}"`).to.include({ kind: 'intent', name: intent.name });
          const heard =
            meaning.kind === 'intent'
              ? Object.fromEntries(
                  Object.entries(meaning.slots)
                    .filter(([, v]) => v.value !== undefined)
                    .map(([k, v]) => [k, v.value]),
                )
              : {};
          expect(heard, `"${utterance}"`).to.deep.equal(expected);
          walked += 1;
        }
      }
      expect(walked).to.be.above(0);
    });
  }
});
