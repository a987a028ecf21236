import { expect } from 'chai';
import { resolveAmazonDate } from '../../../lambda/request/index.js';

// 2026-12-02 is a Wednesday in ISO week 49 (Monday 2026-11-30 to Sunday 2026-12-06).
const TODAY = '2026-12-02';

describe('resolveAmazonDate', () => {
  it('calls a period that starts today started (its first day is today)', () => {
    expect(resolveAmazonDate('2026-12', '2026-12-01')).to.deep.equal({
      kind: 'day',
      date: '2026-12-01',
      period: { name: 'month', started: true },
    });
  });

  const days: [string | undefined, string, string][] = [
    [undefined, TODAY, 'no value means today'],
    ['', TODAY, 'an empty value means today'],
    ['PRESENT_REF', TODAY, 'PRESENT_REF means today'],
    ['2026-12-04', '2026-12-04', 'a day is that day'],
    ['2026-11-30', '2026-11-30', 'a past day is that day (the forecast says it is past)'],
    ['XXXX-12-25', '2026-12-25', 'a day without a year is its next occurrence'],
    ['XXXX-01-02', '2027-01-02', 'a day without a year already past this year is next year'],
    ['XXXX-12-02', TODAY, 'a day without a year said on that very day is today, not next year'],
    [' 2026-12-04 ', '2026-12-04', 'a value with spaces around it is read without them'],
    ['   ', TODAY, 'a value of spaces only means today'],
  ];
  for (const [value, date, behaviour] of days) {
    it(behaviour, () => {
      expect(resolveAmazonDate(value, TODAY)).to.deep.equal({ kind: 'day', date });
    });
  }

  const periods: [string, string, string, boolean, string][] = [
    ['2026-W49', TODAY, 'week', true, 'this week is today'],
    ['2026-W50', '2026-12-07', 'week', false, 'next week is its Monday'],
    ['2026-12', TODAY, 'month', true, 'this month is today'],
    ['2026-12-XX', TODAY, 'month', true, 'some day this month (seen from Alexa) is today'],
    ['2027-01', '2027-01-01', 'month', false, 'next month is its first day'],
    ['2026', TODAY, 'year', true, 'this year is today'],
    ['2026-XX-XX', TODAY, 'year', true, 'some day this year (seen from Alexa) is today'],
    ['2026-XX', TODAY, 'year', true, 'some month this year is today'],
    ['2027', '2027-01-01', 'year', false, 'next year is its first day'],
    ['2026-Q4', TODAY, 'quarter', true, 'this quarter is today'],
    ['202X', TODAY, 'decade', true, 'this decade is today'],
    ['2026-WI', TODAY, 'winter', true, 'this winter, said in December, is today'],
    ['2027-SP', '2027-03-01', 'spring', false, 'next spring is its first day'],
  ];
  for (const [value, date, name, started, behaviour] of periods) {
    it(behaviour, () => {
      expect(resolveAmazonDate(value, TODAY)).to.deep.equal({
        kind: 'day',
        date,
        period: { name, started },
      });
    });
  }

  it('answers for Saturday and Sunday of a weekend', () => {
    expect(resolveAmazonDate('2026-W49-WE', TODAY)).to.deep.equal({
      kind: 'weekend',
      days: ['2026-12-05', '2026-12-06'],
    });
  });

  it('answers for Sunday alone when asked for the weekend on its Sunday', () => {
    expect(resolveAmazonDate('2026-W49-WE', '2026-12-06')).to.deep.equal({
      kind: 'weekend',
      days: ['2026-12-06'],
    });
  });

  for (const [value, period] of [
    ['2026-SU', 'summer'],
    ['2026-W48-WE', 'weekend'],
    ['2026-W48', 'week'],
    ['2026-11', 'month'],
    ['2025', 'year'],
    ['201X', 'decade'],
    ['2026-Q3', 'quarter'],
  ] as const) {
    it(`says a ${period} that is over (${value}) is past`, () => {
      expect(resolveAmazonDate(value, TODAY)).to.deep.equal({ kind: 'past', value, period });
    });
  }

  it('puts the seasons the southern way round for en-AU: this summer is today in December', () => {
    expect(resolveAmazonDate('2026-SU', TODAY, { hemisphere: 'south' })).to.deep.equal({
      kind: 'day',
      date: TODAY,
      period: { name: 'summer', started: true },
    });
  });

  for (const value of ['2026-02-30', '2026-W54', '2021-W53', 'tomorrow', '2026-13', '<speak>']) {
    it(`refuses ${value}`, () => {
      expect(resolveAmazonDate(value, TODAY)).to.deep.equal({ kind: 'unsupported', value });
    });
  }
});
