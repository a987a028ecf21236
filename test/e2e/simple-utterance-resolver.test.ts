import { expect } from 'chai';
import {
  createSimpleUtteranceResolver,
  isoWeekOf,
  loadInteractionModel,
  spokenDateToAmazonDate,
  ssmlToText,
} from '../../scripts/local-stack/index.js';

// Thursday 26 November 2026.
const TODAY = '2026-11-26';
const resolve = createSimpleUtteranceResolver(loadInteractionModel('en-US'));
const heard = (text: string) => resolve(text, TODAY);

describe('local simulator: simple utterance resolver', () => {
  it('fills city and date from "what should I wear in Paris tomorrow"', () => {
    expect(heard('what should I wear in Paris tomorrow')).to.deep.equal({
      kind: 'intent',
      name: 'WhatShouldIWearIntent',
      slots: { city: 'Paris', date: '2026-11-27' },
    });
  });

  it('keeps a city of several words whole', () => {
    expect(heard('what should I wear in new york this weekend')).to.deep.include({
      slots: { city: 'New York', date: '2026-W48-WE' },
    });
  });

  it('matches a sample without slots', () => {
    expect(heard('what should I wear')).to.deep.equal({
      kind: 'intent',
      name: 'WhatShouldIWearIntent',
      slots: {},
    });
  });

  it('unwraps "Alexa, ask weather wardrobe ..."', () => {
    expect(heard('Alexa, ask weather wardrobe what should I wear on Saturday?')).to.deep.include({
      name: 'WhatShouldIWearIntent',
      slots: { date: '2026-11-28' },
    });
  });

  it('launches on "open weather wardrobe"', () => {
    expect(heard('open weather wardrobe')).to.deep.equal({ kind: 'launch' });
  });

  it('sends help, stop and cancel to the built-in intents', () => {
    expect(
      [heard('help'), heard('stop'), heard('cancel')].map((r) => r.kind === 'intent' && r.name),
    ).to.deep.equal(['AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent']);
  });

  it('answers a bare city, as a follow-up to "Which city?"', () => {
    expect(heard('london')).to.deep.include({ slots: { city: 'London' } });
  });

  it('sends what it cannot match to AMAZON.FallbackIntent', () => {
    expect(heard('tell me a joke')).to.deep.equal({
      kind: 'intent',
      name: 'AMAZON.FallbackIntent',
      slots: {},
    });
  });

  it('does not take a day for a city', () => {
    expect(heard('paris tomorrow')).to.deep.include({
      slots: { city: 'Paris', date: '2026-11-27' },
    });
    expect(heard('tomorrow')).to.deep.include({ name: 'AMAZON.FallbackIntent' });
  });
});

describe('local simulator: spoken dates', () => {
  it('today and tonight are today', () => {
    expect([
      spokenDateToAmazonDate('today', TODAY),
      spokenDateToAmazonDate('tonight', TODAY),
    ]).to.deep.equal([TODAY, TODAY]);
  });

  it('tomorrow is the next day, across a month end', () => {
    expect(spokenDateToAmazonDate('tomorrow', '2026-11-30')).to.equal('2026-12-01');
  });

  it('a weekday name is the next such day, today included', () => {
    expect(spokenDateToAmazonDate('on monday', TODAY)).to.equal('2026-11-30');
    expect(spokenDateToAmazonDate('thursday', TODAY)).to.equal(TODAY);
  });

  it('this weekend is the ISO week of today with -WE', () => {
    expect(spokenDateToAmazonDate('this weekend', TODAY)).to.equal('2026-W48-WE');
    expect(spokenDateToAmazonDate('next weekend', TODAY)).to.equal('2026-W49-WE');
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeekOf('2027-01-01')).to.equal('2026-W53');
    expect(isoWeekOf('2024-12-30')).to.equal('2025-W01');
    expect(isoWeekOf('2026-01-01')).to.equal('2026-W01');
  });

  it('knows nothing of other phrases', () => {
    expect(spokenDateToAmazonDate('someday', TODAY)).to.equal(undefined);
  });
});

describe('local simulator: speech as text', () => {
  it('drops SSML tags, turns breaks into spaces and decodes entities', () => {
    expect(ssmlToText('<speak>Rain &amp; wind.<break time="300ms"/>Take a coat.</speak>')).to.equal(
      'Rain & wind. Take a coat.',
    );
  });
});
