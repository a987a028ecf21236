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
  const heldOut = scoreCorpus('en-US', 'en-US.held-out');
  const heldOut2 = scoreCorpus('en-US', 'en-US.held-out-2');
  const sealed = scoreCorpus('en-US', 'en-US.sealed');
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

  it(`hears the held-out set, written apart from both, at 60% or above (${percent(heldOut.recall)} of ${heldOut.inDomain}; ${percent(heldOut.outOfDomainRate)} of ${heldOut.outOfDomain} fall back)`, () => {
    // A regression guard, not a target: see the note in en-US.held-out.json.
    expect(heldOut.recall, report(heldOut.misses)).to.be.at.least(0.6);
    expect(heldOut.outOfDomainRate, report(heldOut.leaks)).to.be.at.least(MIN_RATE);
  });

  it(`hears the second held-out set's open half at 70% or above (${percent(heldOut2.recall)} of ${heldOut2.inDomain}; ${percent(heldOut2.outOfDomainRate)} of ${heldOut2.outOfDomain} fall back)`, () => {
    // A regression guard: its misses guided the grammar (see the note in en-US.held-out-2.json).
    expect(heldOut2.recall, report(heldOut2.misses)).to.be.at.least(0.7);
    expect(heldOut2.outOfDomainRate, report(heldOut2.leaks)).to.be.at.least(MIN_RATE);
  });

  it(`hears the sealed half at 60% or above, its misses never printed (${percent(sealed.recall)} of ${sealed.inDomain}; ${percent(sealed.outOfDomainRate)} of ${sealed.outOfDomain} fall back)`, () => {
    // Only counts: which lines miss is not read, so that the grammar is never grown against them
    // (see the note in en-US.sealed.json).
    const sealedNote =
      'the sealed set fell: fix the grammar from other evidence, never from its lines';
    expect(sealed.recall, sealedNote).to.be.at.least(0.6);
    expect(sealed.outOfDomainRate, sealedNote).to.be.at.least(MIN_RATE);
  });
});
