/**
 * The realistic corpus, written as people talk and apart from the grammar, heard through the
 * models: recall of the in-domain lines (intent, city, day and item all right) and the share of
 * out-of-domain lines that fall back. Both must stay at 90% or above; the README states them.
 */
import { expect } from 'chai';
import { loadCorpus, scoreCorpus } from './corpus.js';

const MIN_RATE = 0.9;
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

describe('the realistic corpus (test/corpus)', () => {
  const us = scoreCorpus('en-US');
  const gb = scoreCorpus('en-GB');
  const report = (misses: readonly unknown[]) => misses.map((m) => JSON.stringify(m)).join('\n');

  it('has at least 200 in-domain and 60 out-of-domain utterances in en-US', () => {
    const corpus = loadCorpus('en-US');
    expect(corpus.inDomain.length).to.be.at.least(200);
    expect(corpus.outOfDomain.length).to.be.at.least(60);
  });

  it(`hears at least 90% of the en-US in-domain lines right (${percent(us.recall)} of ${us.inDomain})`, () => {
    expect(us.recall, report(us.misses)).to.be.at.least(MIN_RATE);
  });

  it(`falls back on at least 90% of the out-of-domain lines (${percent(us.outOfDomainRate)} of ${us.outOfDomain})`, () => {
    expect(us.outOfDomainRate, report(us.leaks)).to.be.at.least(MIN_RATE);
  });

  it(`falls back on them too without the fallback's own samples (${percent(us.unlistedOutOfDomainRate)} of ${us.unlistedOutOfDomain})`, () => {
    // A near miss the fallback lists is heard by its sample; the rest must fall back on their own.
    expect(us.unlistedOutOfDomainRate, report(us.leaks)).to.be.at.least(MIN_RATE);
  });

  it(`hears the British words of en-GB (${percent(gb.recall)} of ${gb.inDomain})`, () => {
    expect(gb.recall, report(gb.misses)).to.be.at.least(MIN_RATE);
  });

  /** Sets whose misses were read and guided the grammar: regression guards (see each note). */
  const heldOut = [
    { locale: 'en-US', name: 'en-US.held-out', floor: 0.75 },
    { locale: 'en-US', name: 'en-US.held-out-2', floor: 0.7 },
    { locale: 'en-GB', name: 'en-GB.held-out', floor: 0.7 },
    { locale: 'en-AU', name: 'en-AU.held-out', floor: 0.65 },
    { locale: 'en-CA', name: 'en-CA.held-out', floor: 0.35 },
  ];
  for (const set of heldOut) {
    const score = scoreCorpus(set.locale, set.name);
    it(`hears ${set.name}, written blind, at ${percent(set.floor)} or above (${percent(score.recall)} of ${score.inDomain}; ${percent(score.outOfDomainRate)} of ${score.outOfDomain} fall back)`, () => {
      expect(score.recall, report(score.misses)).to.be.at.least(set.floor);
      expect(score.outOfDomainRate, report(score.leaks)).to.be.at.least(MIN_RATE);
    });
  }

  const nearMisses = scoreCorpus('en-US', 'en-US.near-misses');
  it(`falls back on the blind near misses, their words and shapes ours (${percent(nearMisses.outOfDomainRate)} of ${nearMisses.outOfDomain})`, () => {
    // "What should I bring to the potluck", "add gloves to my shopping list": see its note.
    expect(nearMisses.outOfDomainRate, report(nearMisses.leaks)).to.be.at.least(MIN_RATE);
  });

  // Sealed: only counts are printed; which lines miss is not read, so that the grammar is never
  // grown against them (see the note in each file).
  // en-CA's floor sits under its first measurement (32.5%): its Canadian winter talk is chattier
  // than the other sets, and nothing has been grown from its open half but one family.
  const sealedSets = [
    { locale: 'en-US', floor: 0.6 },
    { locale: 'en-GB', floor: 0.6 },
    { locale: 'en-AU', floor: 0.6 },
    { locale: 'en-CA', floor: 0.3 },
  ];
  for (const { locale, floor } of sealedSets) {
    const sealed = scoreCorpus(locale, `${locale}.sealed`);
    it(`hears ${locale}.sealed at ${percent(floor)} or above, its misses never printed (${percent(sealed.recall)} of ${sealed.inDomain}; ${percent(sealed.outOfDomainRate)} of ${sealed.outOfDomain} fall back)`, () => {
      const note = 'the sealed set fell: fix the grammar from other evidence, never from its lines';
      expect(sealed.recall, note).to.be.at.least(floor);
      expect(sealed.outOfDomainRate, note).to.be.at.least(MIN_RATE);
    });
  }
});
