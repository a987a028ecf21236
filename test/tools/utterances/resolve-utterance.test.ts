import { expect } from 'chai';
import {
  AmbiguousUtteranceError,
  resolveUtterance,
  UnmatchedUtteranceError,
  type UtteranceMeaning,
} from 'alexa-skill-harness';
import { loadLocaleModel } from '../../../tools/utterances/index.js';
import { AMBIGUOUS_MODEL, GO_INTENT, toyModel as toy } from './fixtures.js';

const TODAY = '2026-11-25';
const model = loadLocaleModel('en-US');

function hear(utterance: string): UtteranceMeaning {
  return resolveUtterance(model, utterance, { today: TODAY });
}

/** The filled slots' values. */
function slotsOf(meaning: UtteranceMeaning): Record<string, string | undefined> {
  if (meaning.kind !== 'intent') return {};
  return Object.fromEntries(
    Object.entries(meaning.slots).flatMap(([k, v]) =>
      v.value === undefined ? [] : [[k, v.value]],
    ),
  );
}

/** The entity-resolution id of a custom slot, or its status when nothing matched. */
function resolvedId(meaning: UtteranceMeaning, slot: string): string | undefined {
  if (meaning.kind !== 'intent') return undefined;
  const authority = meaning.slots[slot]?.resolutions?.resolutionsPerAuthority?.[0];
  return authority?.values[0]?.value.id ?? authority?.status.code;
}

describe('utterances through the interaction model', () => {
  it('hears a city and a date, the city as spoken and the date as its ISO value', () => {
    const meaning = hear('what should I wear in Boston tomorrow');
    expect(meaning).to.include({ kind: 'intent', name: 'WhatShouldIWearIntent' });
    expect(slotsOf(meaning)).to.deep.equal({ city: 'Boston', date: '2026-11-26' });
  });

  it('keeps a city of several words, with its capitals', () => {
    expect(slotsOf(hear('what to wear in New York City this weekend'))).to.deep.equal({
      city: 'New York City',
      date: '2026-W48-WE',
    });
  });

  it('sends every slot of the intent, empty when not said', () => {
    const meaning = hear('what should I wear');
    expect(meaning.kind === 'intent' && meaning.slots).to.deep.equal({
      city: {},
      date: {},
      item: {},
      purpose: {},
    });
  });

  it('hears a weekday as its next date', () => {
    expect(slotsOf(hear('what should I wear on Saturday'))['date']).to.equal('2026-11-28');
  });

  it('ignores punctuation and case', () => {
    expect(slotsOf(hear('What should I wear in Boston, tomorrow?'))).to.deep.equal({
      city: 'Boston',
      date: '2026-11-26',
    });
  });

  it('hears "open <invocation>" as a launch', () => {
    expect(hear('Alexa, open weather wardrobe')).to.deep.equal({ kind: 'launch' });
  });

  it('hears "ask <invocation> ..." as a one-shot intent', () => {
    expect(slotsOf(hear('ask weather wardrobe what to wear in Paris next week'))).to.deep.equal({
      city: 'Paris',
      date: '2026-W49',
    });
  });

  it("hears Amazon's built-in intents the model declares", () => {
    expect(hear('help')).to.include({ name: 'AMAZON.HelpIntent' });
    expect(hear('stop')).to.include({ name: 'AMAZON.StopIntent' });
    expect(hear('never mind')).to.include({ name: 'AMAZON.CancelIntent' });
    expect(hear('go home')).to.include({ name: 'AMAZON.NavigateHomeIntent' });
  });

  it('sends what matches no sample to AMAZON.FallbackIntent', () => {
    expect(hear('what is the capital of France')).to.deep.equal({
      kind: 'intent',
      name: 'AMAZON.FallbackIntent',
      slots: {},
    });
  });

  it('keeps date words out of a city', () => {
    expect(hear('tomorrow')).to.include({ name: 'AMAZON.FallbackIntent' });
  });

  it('reports two best matches that disagree, never guessing', () => {
    let thrown: unknown;
    try {
      resolveUtterance(AMBIGUOUS_MODEL, 'go to Rome', { today: TODAY });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(AmbiguousUtteranceError);
    const error = thrown as AmbiguousUtteranceError;
    expect(error.code).to.equal('ERR_UTTERANCE_AMBIGUOUS');
    expect(error.candidates.map((c) => c.intent)).to.have.members(['GoIntent', 'TravelIntent']);
  });

  it('prefers the more specific sample over a catch-all', () => {
    const m = toy([
      GO_INTENT,
      { name: 'AnyIntent', slots: [{ name: 'what', type: 'AMAZON.City' }], samples: ['{what}'] },
    ]);
    expect(resolveUtterance(m, 'go to Rome', { today: TODAY })).to.include({ name: 'GoIntent' });
  });

  it('throws when nothing matches and the model has no fallback', () => {
    const m = toy([{ name: 'GoIntent', samples: ['go'] }]);
    expect(() => resolveUtterance(m, 'stay', { today: TODAY })).to.throw(UnmatchedUtteranceError);
  });

  it('resolves a custom slot value or synonym to its entity, and reports no match otherwise', () => {
    const m = toy(
      [
        {
          name: 'PickIntent',
          slots: [{ name: 'colour', type: 'Colour' }],
          samples: ['pick {colour}'],
        },
      ],
      [{ name: 'Colour', values: [{ id: 'RED', name: { value: 'red', synonyms: ['crimson'] } }] }],
    );
    const matched = resolveUtterance(m, 'pick crimson', { today: TODAY });
    const slot = matched.kind === 'intent' ? matched.slots['colour'] : undefined;
    const resolution = slot?.resolutions?.resolutionsPerAuthority?.[0];
    expect(slot?.value).to.equal('crimson');
    expect(resolution?.status.code).to.equal('ER_SUCCESS_MATCH');
    expect(resolution?.values[0]?.value).to.deep.equal({ name: 'red', id: 'RED' });
    const unmatched = resolveUtterance(m, 'pick blue', { today: TODAY });
    const other = unmatched.kind === 'intent' ? unmatched.slots['colour'] : undefined;
    expect(other?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).to.equal(
      'ER_SUCCESS_NO_MATCH',
    );
  });
});

describe('items, purposes and bare answers', () => {
  const askingForCity = {
    intent: 'WhatShouldIWearIntent',
    slot: 'city',
    known: { date: { value: '2026-11-28' } },
  };
  const askingForDate = { intent: 'WhatShouldIWearIntent', slot: 'date', known: {} };

  it('hears an item with its entity-resolution id, articles and all', () => {
    const meaning = hear('do I need an umbrella tomorrow');
    expect(slotsOf(meaning)).to.deep.equal({ item: 'an umbrella', date: '2026-11-26' });
    expect(resolvedId(meaning, 'item')).to.equal('UMBRELLA');
    expect(resolvedId(hear('should I wear my parka in Boston'), 'item')).to.equal('COAT');
  });

  it('hears an item the type does not list as unresolved, as Alexa does', () => {
    const meaning = hear('should I take the bus tomorrow');
    expect(slotsOf(meaning)).to.deep.equal({ item: 'the bus', date: '2026-11-26' });
    expect(resolvedId(meaning, 'item')).to.equal('ER_SUCCESS_NO_MATCH');
  });

  it('reads "for <a city>" as the city, not as a purpose nobody listed', () => {
    expect(slotsOf(hear('what should I wear for Boston'))).to.deep.equal({ city: 'Boston' });
    expect(resolvedId(hear('what should I wear for a run'), 'purpose')).to.equal('RUN');
  });

  it('hears no bare city or sentence as a request, outside a question about it', () => {
    for (const said of ['London', 'Paris tomorrow', 'turn up the volume', 'lock the front door'])
      expect(hear(said), said).to.include({ name: 'AMAZON.FallbackIntent' });
  });

  it('hears a bare city while the skill asks for one, keeping the day already known', () => {
    const heard = (said: string) =>
      resolveUtterance(model, said, { today: TODAY, elicited: askingForCity });
    expect(heard('London')).to.include({ name: 'WhatShouldIWearIntent' });
    expect(slotsOf(heard('London'))).to.deep.equal({ city: 'London', date: '2026-11-28' });
    expect(slotsOf(heard('in New York'))).to.deep.equal({ city: 'New York', date: '2026-11-28' });
    expect(slotsOf(heard('tomorrow in Boston'))).to.deep.equal({
      city: 'Boston',
      date: '2026-11-26',
    });
  });

  it('hears a city said with a day, or "what about", while the skill asks for a city', () => {
    const heard = (said: string) =>
      resolveUtterance(model, said, { today: TODAY, elicited: askingForCity });
    expect(slotsOf(heard('Boston tomorrow'))).to.deep.equal({ city: 'Boston', date: '2026-11-26' });
    expect(slotsOf(heard('Boston on Sunday'))).to.deep.equal({
      city: 'Boston',
      date: '2026-11-29',
    });
    expect(slotsOf(heard('what about Denver'))).to.deep.equal({
      city: 'Denver',
      date: '2026-11-28',
    });
  });

  it('takes no "here", "home" or "outside" for a city', () => {
    for (const said of ['is it cold in here', 'what should I wear at home', 'is it cold outside'])
      expect(slotsOf(hear(said))['city'], said).to.equal(undefined);
  });

  it('hears an item nobody listed even when its words are the model\'s own ("a dress")', () => {
    const meaning = hear('should I wear a dress');
    expect(slotsOf(meaning)).to.deep.equal({ item: 'a dress' });
    expect(resolvedId(meaning, 'item')).to.equal('ER_SUCCESS_NO_MATCH');
  });

  it('hears a bare day while the skill asks for one', () => {
    const heard = (said: string) =>
      resolveUtterance(model, said, { today: TODAY, elicited: askingForDate });
    expect(slotsOf(heard('Saturday'))).to.deep.equal({ date: '2026-11-28' });
    expect(slotsOf(heard('on Sunday'))).to.deep.equal({ date: '2026-11-29' });
    expect(slotsOf(heard('tomorrow in Boston'))).to.deep.equal({
      city: 'Boston',
      date: '2026-11-26',
    });
  });

  it('hears Stop, Help, another request or nothing while the skill asks a question', () => {
    const heard = (said: string) =>
      resolveUtterance(model, said, { today: TODAY, elicited: askingForCity });
    expect(heard('stop')).to.include({ name: 'AMAZON.StopIntent' });
    expect(heard('help')).to.include({ name: 'AMAZON.HelpIntent' });
    expect(heard('never mind')).to.include({ name: 'AMAZON.CancelIntent' });
    expect(slotsOf(heard('do I need a coat in Oslo'))).to.deep.equal({
      city: 'Oslo',
      item: 'a coat',
      date: '2026-11-28',
    });
    expect(heard('play some jazz')).to.include({ name: 'AMAZON.FallbackIntent' });
  });

  it('falls back on near misses the model lists', () => {
    for (const said of ['what should I cook for dinner', 'what should I watch tonight'])
      expect(hear(said), said).to.include({ name: 'AMAZON.FallbackIntent' });
  });
});

describe('utterances typed at a prompt', () => {
  it('keeps words that never name a place out of a city', () => {
    for (const said of ['hello', 'thanks', 'tell me something'])
      expect(hear(said), said).to.include({ name: 'AMAZON.FallbackIntent' });
  });

  it('keeps digits out of a city', () => {
    expect(hear('route 66')).to.include({ name: 'AMAZON.FallbackIntent' });
  });

  it('hears the usual ways of leaving as AMAZON.StopIntent', () => {
    for (const said of ['quit', 'exit', 'bye', 'goodbye'])
      expect(hear(said), said).to.include({ name: 'AMAZON.StopIntent' });
  });

  it('launches on every launch phrase, and on the invocation name asked alone', () => {
    for (const said of [
      'launch weather wardrobe',
      'talk to weather wardrobe',
      'ask weather wardrobe',
    ])
      expect(hear(said), said).to.deep.equal({ kind: 'launch' });
  });

  it('unwraps "open <invocation> and ..." and "ask <invocation> about ..."', () => {
    expect(slotsOf(hear('open weather wardrobe and what should I wear tomorrow'))).to.deep.equal({
      date: '2026-11-26',
    });
    expect(hear('ask weather wardrobe about what to wear in Boston')).to.include({
      name: 'WhatShouldIWearIntent',
    });
  });

  it('drops a leading "Alexa" said to the open skill', () => {
    expect(slotsOf(hear('Alexa, what should I wear in Boston'))).to.deep.equal({
      city: 'Boston',
    });
  });

  it('reads curly apostrophes as straight ones', () => {
    expect(slotsOf(hear('what should I wear in Martha’s Vineyard'))['city']).to.equal(
      "Martha's Vineyard",
    );
  });

  it('takes the first best match in model order when asked not to throw on a tie', () => {
    expect(
      resolveUtterance(AMBIGUOUS_MODEL, 'go to Rome', { today: TODAY, onAmbiguity: 'first' }),
    ).to.include({ name: 'GoIntent' });
  });
});
