import { expect } from 'chai';
import { createUtteranceResolver, heardWords } from '../../scripts/local-stack/index.js';
import { loadLocaleModel } from '../../tools/utterances/index.js';
import { AMBIGUOUS_MODEL } from '../tools/utterances/fixtures.js';

// Thursday 26 November 2026.
const TODAY = '2026-11-26';
const resolve = createUtteranceResolver(loadLocaleModel('en-US'));
const heard = (text: string) => heardWords(resolve(text, TODAY));

describe('local simulator: utterances through the shared resolver', () => {
  it('fills city and date from "what should I wear in Paris tomorrow"', () => {
    expect(heard('what should I wear in Paris tomorrow')).to.equal(
      'WhatShouldIWearIntent city=Paris date=2026-11-27',
    );
  });

  it('gives a city typed in lower case its capitals, as Alexa writes place names', () => {
    expect(heard('what should I wear in new york this weekend')).to.equal(
      'WhatShouldIWearIntent city="New York" date=2026-W48-WE',
    );
  });

  it('answers a bare city only as a follow-up to "Which city?", keeping the day', () => {
    expect(heard('london')).to.equal('AMAZON.FallbackIntent');
    const asked = {
      intent: 'WhatShouldIWearIntent',
      slot: 'city',
      known: { date: { value: '2026-11-28' } },
    };
    expect(heardWords(resolve('london', TODAY, asked))).to.equal(
      'WhatShouldIWearIntent city=London date=2026-11-28',
    );
  });

  it('sends every slot of the intent, an empty one without a value, as Alexa does', () => {
    expect(resolve('what should I wear', TODAY)).to.deep.include({
      kind: 'intent',
      name: 'WhatShouldIWearIntent',
      slots: { city: {}, date: {}, item: {}, purpose: {} },
    });
  });

  it('unwraps "Alexa, ask weather wardrobe ..."', () => {
    expect(heard('Alexa, ask weather wardrobe what should I wear on Saturday?')).to.equal(
      'WhatShouldIWearIntent date=2026-11-28',
    );
  });

  it('launches on "open weather wardrobe"', () => {
    expect(resolve('open weather wardrobe', TODAY)).to.deep.equal({ kind: 'launch' });
  });

  it('sends help, stop and cancel to the built-in intents', () => {
    expect(['help', 'stop', 'cancel'].map(heard)).to.deep.equal([
      'AMAZON.HelpIntent',
      'AMAZON.StopIntent',
      'AMAZON.CancelIntent',
    ]);
  });

  it('sends what it cannot match to AMAZON.FallbackIntent', () => {
    expect(heard('tell me a joke')).to.equal('AMAZON.FallbackIntent');
  });

  it('takes the first best match in model order instead of failing on an ambiguous utterance', () => {
    expect(heardWords(createUtteranceResolver(AMBIGUOUS_MODEL)('go to rome', TODAY))).to.equal(
      'GoIntent place=Rome',
    );
  });
});
