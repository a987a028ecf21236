import { expect } from 'chai';
import { resolveAmazonDate } from '../../../lambda/request/index.js';

// 2026-11-25 is a Wednesday in ISO week 48 (Monday 2026-11-23 to Sunday 2026-11-29).
const TODAY = '2026-11-25';

describe('resolveAmazonDate', () => {
  const cases: [string | undefined, string, string][] = [
    [undefined, TODAY, 'no value means today'],
    ['', TODAY, 'an empty value means today'],
    ['PRESENT_REF', TODAY, 'PRESENT_REF means today'],
    ['2026-11-27', '2026-11-27', 'a day is that day'],
    ['2026-W48', TODAY, 'this week is today'],
    ['2026-W49', '2026-11-30', 'next week is its Monday'],
    ['2026-W48-WE', '2026-11-28', 'this weekend is its Saturday'],
    ['2026-11', TODAY, 'this month is today'],
    ['2026-12', '2026-12-01', 'next month is its first day'],
    ['2026', TODAY, 'this year is today'],
    ['XXXX-12-03', '2026-12-03', 'a day without a year is its next occurrence'],
    ['XXXX-01-02', '2027-01-02', 'a day without a year already past this year is next year'],
    ['2020-W53', '2020-12-28', 'week 53 of a year that has one'],
  ];
  for (const [value, expected, behaviour] of cases) {
    it(behaviour, () => {
      expect(resolveAmazonDate(value, TODAY)).to.deep.equal({ kind: 'day', date: expected });
    });
  }

  it('takes Sunday when asked for the weekend on its Sunday', () => {
    expect(resolveAmazonDate('2026-W48-WE', '2026-11-29')).to.deep.equal({
      kind: 'day',
      date: '2026-11-29',
    });
  });

  for (const value of [
    '2026-WI',
    '2026-SU',
    '201X',
    '2027',
    '2026-02-30',
    '2026-W54',
    '2021-W53',
    'tomorrow',
    '2026-13',
    '<speak>',
  ]) {
    it(`refuses ${value}`, () => {
      expect(resolveAmazonDate(value, TODAY)).to.deep.equal({ kind: 'unsupported', value });
    });
  }
});
