import { expect } from 'chai';
import { resolveUtterance, spokenNumber } from 'alexa-skill-harness';
import { toyModel } from './fixtures.js';

describe('AMAZON.NUMBER and AMAZON.FirstName as Alexa fills them', () => {
  const said = (words: string) => spokenNumber(words.split(' '));

  it('gives a spoken number as digits', () => {
    const cases: [string, string][] = [
      ['three', '3'],
      ['twenty-one', '21'],
      ['twenty one', '21'],
      ['a hundred', '100'],
      ['two hundred and five', '205'],
      ['one thousand two hundred', '1200'],
      ['minus four', '-4'],
      ['42', '42'],
    ];
    for (const [words, value] of cases) expect(said(words), words).to.equal(value);
  });

  it('hears no number in words that are none', () => {
    for (const words of ['three four', 'twenty twenty', 'and', 'hundred', 'five and', 'many'])
      expect(said(words), words).to.equal(undefined);
  });

  it('fills the slots of a model that uses them', () => {
    const model = toyModel([
      {
        name: 'PeopleIntent',
        slots: [
          { name: 'count', type: 'AMAZON.NUMBER' },
          { name: 'who', type: 'AMAZON.FirstName' },
        ],
        samples: ['dress {count} people', 'dress {who} today'],
      },
      { name: 'AMAZON.FallbackIntent', samples: [] },
    ]);
    const hear = (words: string) => resolveUtterance(model, words, { today: '2026-12-02' });
    expect(hear('dress three people')).to.deep.include({
      name: 'PeopleIntent',
      slots: { count: { value: '3' }, who: {} },
    });
    expect(hear('dress Maya today')).to.deep.include({
      slots: { count: {}, who: { value: 'Maya' } },
    });
    expect(hear('dress many people')).to.include({ name: 'AMAZON.FallbackIntent' });
  });
});
