import { expect } from 'chai';
import fc from 'fast-check';
import {
  calendarWords,
  dayWords,
  fullDateWords,
  hourWords,
  ordinal,
  periodWords,
  pick,
  styleOf,
} from '../../../lambda/speech/index.js';

describe('speech/words', () => {
  const ordinals: [number, string][] = [
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [30, '30th'],
    [31, '31st'],
  ];
  for (const [n, words] of ordinals) {
    it(`writes ${n} as ${words}`, () => {
      expect(ordinal(n)).to.equal(words);
    });
  }

  const days: [string, string][] = [
    ['2026-11-25', 'today'],
    ['2026-11-26', 'tomorrow'],
    ['2026-11-27', 'on Friday'],
    ['2026-11-28', 'on Saturday'],
    ['2026-12-01', 'on Tuesday'],
    ['2026-12-02', 'on December 2nd'],
    ['2026-12-10', 'on December 10th'],
    ['2026-11-24', 'on November 24th'],
  ];
  for (const [date, words] of days) {
    it(`says ${date} (seen from Wednesday 2026-11-25) as "${words}"`, () => {
      expect(dayWords(date, '2026-11-25')).to.equal(words);
    });
  }

  it('says dates the Commonwealth way in en-GB and en-AU', () => {
    expect([
      calendarWords('2027-03-03', 'en-GB'),
      calendarWords('2027-03-03', 'en-AU'),
    ]).to.deep.equal(['the 3rd of March', 'the 3rd of March']);
  });

  it('says dates the US way in en-US and en-CA, and by default', () => {
    expect([calendarWords('2027-03-03', 'en-CA'), calendarWords('2027-03-03')]).to.deep.equal([
      'March 3rd',
      'March 3rd',
    ]);
  });

  it('writes the full date for cards', () => {
    expect(fullDateWords('2026-11-26')).to.equal('Thursday, November 26th');
  });

  it('maps Alexa locales to a style of English', () => {
    expect(['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'fr-FR'].map(styleOf)).to.deep.equal([
      'us',
      'commonwealth',
      'us',
      'commonwealth',
      'commonwealth',
      'us',
    ]);
  });

  const hoursSpoken: [number, string][] = [
    [7, '7 in the morning'],
    [12, 'noon'],
    [15, '3 in the afternoon'],
    [20, '8 in the evening'],
  ];
  for (const [hour, words] of hoursSpoken) {
    it(`says ${hour}:00 as "${words}"`, () => {
      expect(hourWords(hour)).to.equal(words);
    });
  }

  const periods: [number, number, string][] = [
    [7, 21, 'all day'],
    [8, 11, 'in the morning'],
    [18, 21, 'in the evening'],
    [13, 16, 'in the afternoon'],
    [13, 21, 'after noon'],
    [10, 15, 'from 10 in the morning until 3 in the afternoon'],
    [10, 10, 'in the morning'],
    [12, 12, 'in the afternoon'],
  ];
  for (const [fromHour, toHour, words] of periods) {
    it(`says precipitation from ${fromHour} to ${toHour} as "${words}"`, () => {
      expect(periodWords({ fromHour, toHour })).to.equal(words);
    });
  }

  it('picks the same choice for the same seed and slot', () => {
    const choices = ['a', 'b', 'c', 'd'] as const;
    expect(pick(choices, 'seed-1', 'opener')).to.equal(pick(choices, 'seed-1', 'opener'));
  });

  it('picks by the FNV-1a hash of the seed, a NUL and the slot, as it always has', () => {
    const fnv1a = (text: string): number => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i += 1) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
      }
      return hash >>> 0;
    };
    const choices = ['a', 'b', 'c'] as const;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant('amzn1.échö-🌧')), fc.string(), (seed, slot) => {
        expect(pick(choices, seed, slot)).to.equal(choices[fnv1a(`${seed}\u0000${slot}`) % 3]);
      }),
    );
  });

  it('picks every choice for some seed', () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => pick(['a', 'b', 'c'], `s${i}`, 'x')));
    expect([...seen].sort()).to.deep.equal(['a', 'b', 'c']);
  });
});
