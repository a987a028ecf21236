import { expect } from 'chai';
import { annotationSet, assertIsCorpus, CorpusFormatError } from '../../scripts/nlu/annotations.js';
import { loadCorpus } from './corpus.js';

describe('the corpus as an NLU Evaluation Tool annotation set', () => {
  it('expects each in-domain line as the intent with its city and date, at the corpus day', () => {
    const set = annotationSet({
      today: '2026-12-02',
      inDomain: [
        {
          utterance: 'what should I wear in Oslo tomorrow',
          city: 'Oslo',
          date: '2026-12-03',
          item: null,
        },
      ],
      outOfDomain: ['play some jazz'],
    });
    expect(set.data).to.deep.equal([
      {
        inputs: {
          utterance: 'what should I wear in Oslo tomorrow',
          referenceTimestamp: '2026-12-02T12:00:00.000Z',
        },
        expected: [
          {
            intent: {
              name: 'WhatShouldIWearIntent',
              slots: { city: { value: 'Oslo' }, date: { value: '2026-12-03' } },
            },
          },
        ],
      },
      {
        inputs: { utterance: 'play some jazz', referenceTimestamp: '2026-12-02T12:00:00.000Z' },
        expected: [{ intent: { name: 'AMAZON.FallbackIntent' } }],
      },
    ]);
  });

  it('takes the whole en-US corpus', () => {
    const corpus = loadCorpus('en-US');
    expect(annotationSet(corpus).data).to.have.length(
      corpus.inDomain.length + corpus.outOfDomain.length,
    );
  });

  it('refuses a file that is not a corpus', () => {
    for (const bad of [null, {}, { today: '2026-12-02', inDomain: [{}], outOfDomain: [] }])
      expect(() => {
        assertIsCorpus(bad);
      }).to.throw(CorpusFormatError);
  });
});
