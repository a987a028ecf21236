import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkModel,
  expand,
  generateModel,
  grammarLocales,
  MAX_SAMPLES,
  modelText,
  TemplateError,
  type InteractionModelFile,
} from '../../../tools/model-grammar/index.js';
import { MODELS_DIR, modelLocales } from '../../../tools/utterances/index.js';

/** A generated model with the intent's samples replaced, to break one rule at a time. */
function withSamples(samples: string[], fallback: string[] = []): InteractionModelFile {
  const model = generateModel('en-US');
  const lm = model.interactionModel.languageModel;
  const [wear, ...rest] = lm.intents;
  if (wear === undefined) throw new Error('The model has no intents');
  return {
    ...model,
    interactionModel: {
      ...model.interactionModel,
      languageModel: {
        ...lm,
        intents: [
          { ...wear, samples },
          ...rest.map((i) =>
            i.name === 'AMAZON.FallbackIntent' ? { ...i, samples: fallback } : i,
          ),
        ],
      },
    },
  };
}

const problemsOf = (samples: string[], fallback?: string[]) =>
  checkModel(withSamples(samples, fallback)).map((p) => p.problem);

describe('the interaction model grammar', () => {
  it('has words for every locale the skill publishes, and no other', () => {
    expect(grammarLocales()).to.deep.equal(modelLocales());
  });

  for (const locale of grammarLocales()) {
    it(`generates models/${locale}.json exactly as checked in (run npm run build:models)`, () => {
      const onDisk = readFileSync(join(MODELS_DIR, `${locale}.json`), 'utf8');
      expect(onDisk === modelText(locale), `models/${locale}.json is stale`).to.equal(true);
    });

    it(`keeps Amazon's rules and ours in ${locale}`, () => {
      expect(checkModel(generateModel(locale))).to.deep.equal([]);
    });
  }

  it('gives the intent a dialog model that lets the skill ask, and Alexa never prompt', () => {
    const { dialog } = generateModel('en-US').interactionModel as {
      dialog: {
        delegationStrategy: string;
        intents: { name: string; delegationStrategy: string }[];
      };
    };
    expect(dialog.delegationStrategy).to.equal('SKILL_RESPONSE');
    expect(dialog.intents.map((i) => [i.name, i.delegationStrategy])).to.deep.equal([
      ['WhatShouldIWearIntent', 'SKILL_RESPONSE'],
    ]);
  });

  it('sets the fallback sensitivity and gives the fallback near misses', () => {
    const lm = generateModel('en-US').interactionModel.languageModel;
    expect(lm.modelConfiguration.fallbackIntentSensitivity.level).to.equal('HIGH');
    const fallback = lm.intents.find((i) => i.name === 'AMAZON.FallbackIntent');
    expect(fallback?.samples).to.include('what should I cook for dinner');
    expect(fallback?.samples).to.include('what should I watch tonight');
  });

  it('puts the bare answers in the slots, never in the intent', () => {
    const wear = generateModel('en-US').interactionModel.languageModel.intents[0];
    expect(wear?.samples).not.to.include('{city}');
    const city = wear?.slots?.find((s) => s.name === 'city');
    const date = wear?.slots?.find((s) => s.name === 'date');
    expect(city?.samples).to.include.members(['{city}', 'in {city}', '{date} in {city}']);
    expect(date?.samples).to.include.members(['{date}', 'on {date}']);
  });

  describe('locale words', () => {
    const synonyms = (locale: string, id: string, typeName = 'ClothingItem') => {
      const type = generateModel(locale).interactionModel.languageModel.types.find(
        (t) => t.name === typeName,
      );
      const value = type?.values.find((v) => v.id === id);
      return value === undefined ? [] : [value.name.value, ...value.name.synonyms];
    };
    const idOf = (locale: string, words: string) => {
      const type = generateModel(locale).interactionModel.languageModel.types.find(
        (t) => t.name === 'ClothingItem',
      );
      return type?.values.find((v) => [v.name.value, ...v.name.synonyms].includes(words))?.id;
    };

    it('says trousers and jumper in en-GB, where pants are underwear', () => {
      expect(synonyms('en-GB', 'LONG_PANTS')).to.include('trousers').and.not.include('pants');
      expect(idOf('en-GB', 'a jumper')).to.equal('SWEATER');
      expect(idOf('en-US', 'pants')).to.equal('LONG_PANTS');
      expect(idOf('en-US', 'jumper')).to.equal(undefined);
    });

    it('hears thongs as sandals in en-AU only', () => {
      expect(idOf('en-AU', 'thongs')).to.equal('SANDALS');
      expect(idOf('en-US', 'thongs')).to.equal(undefined);
      expect(idOf('en-GB', 'thongs')).to.equal(undefined);
    });

    it('adds the article forms people say', () => {
      expect(synonyms('en-US', 'UMBRELLA')).to.include.members(['an umbrella', 'my umbrella']);
      expect(synonyms('en-US', 'GLOVES')).to.include.members(['my gloves', 'some gloves']);
    });

    it('says a purpose with "the" and "my" beside "a", so that it is not heard as a city', () => {
      expect(synonyms('en-US', 'HIKE', 'Purpose')).to.include.members(['the hike', 'my hike']);
      expect(synonyms('en-US', 'EVENING', 'Purpose')).to.include.members(['the party', 'my date']);
      expect(synonyms('en-US', 'WORK', 'Purpose')).to.not.include('the work');
    });

    it('adds the plural of a countable item, and none of a word already plural', () => {
      expect(synonyms('en-US', 'COAT')).to.include.members(['coats', 'winter coats']);
      expect(synonyms('en-GB', 'SCARF')).to.include('scarves');
      expect(synonyms('en-GB', 'RAINCOAT'))
        .to.include('waterproofs')
        .and.not.include('waterprooves');
      expect(synonyms('en-GB', 'UMBRELLA')).to.include('brollies');
      expect(synonyms('en-US', 'TSHIRT')).to.include('t-shirts').and.not.include('short sleeveses');
    });
  });

  describe('the rules', () => {
    it('refuses an intent sample that is slots alone', () => {
      expect(problemsOf(['{city}'])).to.include('is slots alone');
      expect(problemsOf(['{date} {city}'])).to.include('is slots alone');
    });

    it('refuses two slots side by side, but a date right after a city or an item', () => {
      expect(problemsOf(['what about {city} {item}'])).to.include(
        'has two slots side by side: {city} {item}',
      );
      expect(problemsOf(['what about {date} {city}'])).to.include(
        'has two slots side by side: {date} {city}',
      );
      expect(
        problemsOf(['what to wear in {city} {date}', 'do I need {item} {date}']),
      ).to.deep.equal([]);
    });

    it('refuses digits, punctuation and periods outside abbreviations', () => {
      expect(problemsOf(['what to wear on day 2'])).to.include('has a digit');
      expect(problemsOf(['what to wear, please'])).to.include(
        'has characters Amazon does not allow in a sample',
      );
      expect(problemsOf(['what to wear at noon.'])).to.include(
        'has a period outside an abbreviation',
      );
      expect(problemsOf(["what to wear at p. m. in St. Paul's"])).to.deep.equal([
        'has a period outside an abbreviation',
      ]);
    });

    it('refuses a sample twice, in one intent or in two', () => {
      expect(problemsOf(['what to wear', 'What to wear'])).to.include(
        'is also a sample of WhatShouldIWearIntent',
      );
      expect(problemsOf(['what should I cook'], ['what should I cook'])).to.include(
        'is also a sample of WhatShouldIWearIntent',
      );
    });

    it("refuses a built-in intent's phrase with slots around it", () => {
      expect(problemsOf(['help {city}'])).to.include(
        `is a built-in intent's phrase ("help") once its slots are taken out`,
      );
    });

    it('refuses a slot the intent does not have', () => {
      expect(problemsOf(['what to wear at {venue}'])).to.include(
        'names a slot the intent does not have: {venue}',
      );
    });

    it(`refuses more than ${MAX_SAMPLES} samples`, () => {
      // Distinct samples of letters only: "what to wear ba", "what to wear bb", ...
      const letters = (n: number) =>
        n
          .toString(26)
          .split('')
          .map((d) => String.fromCharCode(97 + parseInt(d, 26)))
          .join('');
      const many = Array.from({ length: MAX_SAMPLES + 1 }, (_, i) => `what to wear ${letters(i)}`);
      expect(problemsOf([...new Set(many)])).to.satisfy((p: string[]) =>
        p.some((x) => x.startsWith(`has ${MAX_SAMPLES + 1} samples`)),
      );
    });
  });

  describe('templates', () => {
    it('expands choices, an empty choice making a group optional', () => {
      expect(expand('what (should|do) I wear (today|)')).to.deep.equal([
        'what should I wear today',
        'what should I wear',
        'what do I wear today',
        'what do I wear',
      ]);
    });

    it('refuses an unclosed, unopened or nested group', () => {
      for (const bad of ['what (should I wear', 'what should) I wear', '(a (b|c)|d)'])
        expect(() => expand(bad), bad).to.throw(TemplateError);
    });
  });
});
