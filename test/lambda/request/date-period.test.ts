import { expect } from 'chai';
import { amazonDatePeriod, forecastPeriod, periodsOverlap } from '../../../lambda/request/index.js';

// 2026-11-25 is a Wednesday in ISO week 48 (Monday 2026-11-23 to Sunday 2026-11-29).
const TODAY = '2026-11-25';

describe('amazonDatePeriod', () => {
  const cases: [string, string, string, string, string][] = [
    ['2026-11-27', '2026-11-27', '2026-11-27', 'day', 'a day is that day'],
    ['PRESENT_REF', TODAY, TODAY, 'day', 'PRESENT_REF is today'],
    [
      'XXXX-12-03',
      '2026-12-03',
      '2026-12-03',
      'day',
      'a day without a year is its next occurrence',
    ],
    [
      'XXXX-01-02',
      '2027-01-02',
      '2027-01-02',
      'day',
      'a day without a year past this year is next year',
    ],
    [
      'XXXX-02-29',
      '2028-02-29',
      '2028-02-29',
      'day',
      'February 29 without a year is the next leap day',
    ],
    ['2026-W48', '2026-11-23', '2026-11-29', 'week', 'a week runs Monday to Sunday'],
    ['2026-W48-WE', '2026-11-28', '2026-11-29', 'weekend', 'a weekend is its Saturday and Sunday'],
    ['2020-W53', '2020-12-28', '2021-01-03', 'week', 'week 53 of a year that has one'],
    ['2027-W01', '2027-01-04', '2027-01-10', 'week', 'week 1 holds January 4th'],
    ['2026-02', '2026-02-01', '2026-02-28', 'month', 'a month is all its days'],
    ['2028-02-XX', '2028-02-01', '2028-02-29', 'month', 'some day of a month is that month'],
    ['2026', '2026-01-01', '2026-12-31', 'year', 'a year'],
    ['2026-XX', '2026-01-01', '2026-12-31', 'year', 'some month of a year is that year'],
    ['2026-XX-XX', '2026-01-01', '2026-12-31', 'year', 'some day of a year is that year'],
    ['202X', '2020-01-01', '2029-12-31', 'decade', 'a decade'],
    [
      '2026-WI',
      '2026-12-01',
      '2027-02-28',
      'winter',
      'winter, said after February, is the coming one',
    ],
    ['2026-SP', '2026-03-01', '2026-05-31', 'spring', 'spring is March to May'],
    ['2026-SU', '2026-06-01', '2026-08-31', 'summer', 'summer is June to August'],
    ['2026-FA', '2026-09-01', '2026-11-30', 'fall', 'autumn is September to November'],
    ['2026-Q1', '2026-01-01', '2026-03-31', 'quarter', 'the first quarter'],
    ['2026-Q4', '2026-10-01', '2026-12-31', 'quarter', 'the last quarter'],
  ];
  for (const [value, first, last, name, behaviour] of cases) {
    it(behaviour, () => {
      expect(amazonDatePeriod(value, TODAY)).to.deep.equal({ first, last, name });
    });
  }

  it('takes winter, said before its end, as the one that began in December', () => {
    expect(amazonDatePeriod('2026-WI', '2026-01-15')).to.deep.equal({
      first: '2025-12-01',
      last: '2026-02-28',
      name: 'winter',
    });
  });

  it('puts the seasons in the southern months for the southern hemisphere', () => {
    const south = { hemisphere: 'south' } as const;
    expect(amazonDatePeriod('2026-SU', TODAY, south)).to.deep.equal({
      first: '2026-12-01',
      last: '2027-02-28',
      name: 'summer',
    });
    expect(amazonDatePeriod('2026-WI', TODAY, south)).to.deep.equal({
      first: '2026-06-01',
      last: '2026-08-31',
      name: 'winter',
    });
  });

  for (const value of [
    '',
    'tomorrow',
    '2026-00',
    '2026-13',
    '2026-02-30',
    'XXXX-02-30',
    '2026-W00',
    '2027-W53',
    '2026-Q5',
    '2026-AU',
    '20X',
  ]) {
    it(`understands no period in ${JSON.stringify(value)}`, () => {
      expect(amazonDatePeriod(value, TODAY)).to.equal(undefined);
    });
  }
});

describe('forecastPeriod', () => {
  it("runs from UTC's yesterday, a US user's today, to 15 days after UTC's today", () => {
    expect(forecastPeriod(Date.UTC(2026, 10, 25, 12))).to.deep.equal({
      first: '2026-11-24',
      last: '2026-12-10',
    });
  });
});

describe('periodsOverlap', () => {
  const window = { first: '2026-11-24', last: '2026-12-10' };

  it('is true for periods sharing only their last and first day', () => {
    expect(periodsOverlap({ first: '2026-12-10', last: '2027-01-01' }, window)).to.equal(true);
  });

  it('is false for a period ending the day before', () => {
    expect(periodsOverlap({ first: '2026-11-01', last: '2026-11-23' }, window)).to.equal(false);
  });

  it('is true for a period holding the other', () => {
    expect(periodsOverlap({ first: '2026-01-01', last: '2026-12-31' }, window)).to.equal(true);
  });
});

describe('amazonDatePeriod: exact forms only', () => {
  const TODAY = '2026-12-02';

  it('refuses every form with anything before or after it', () => {
    for (const value of [
      'XXXX-12-25x',
      'xXXXX-12-25',
      '2026-W49x',
      'x2026-W49',
      '2026-W49-WEx',
      '2026-12x',
      'x2026-12',
      '2026x',
      'x2026',
      '202Xx',
      'x202X',
      '2026-WIx',
      'x2026-WI',
      '2026-Q4x',
      'x2026-Q4',
    ]) {
      expect(amazonDatePeriod(value, TODAY), value).to.equal(undefined);
    }
  });

  it('reads a value with spaces around it', () => {
    expect(amazonDatePeriod(' 2026-W49 ', TODAY)).to.deep.equal({
      first: '2026-11-30',
      last: '2026-12-06',
      name: 'week',
    });
  });

  it('refuses weeks that do not exist: 0, 53 of a 52-week year, and beyond', () => {
    for (const value of ['2026-W00', '2027-W53', '2026-W54', '2026-W99']) {
      expect(amazonDatePeriod(value, TODAY), value).to.equal(undefined);
    }
    // 2026 has 53 ISO weeks (it starts on a Thursday); 2027 has 52.
    expect(amazonDatePeriod('2026-W53', TODAY)?.first).to.equal('2026-12-28');
  });

  it('finds February 29 four years on, from the day after one', () => {
    expect(amazonDatePeriod('XXXX-02-29', '2024-03-01')).to.deep.equal({
      first: '2028-02-29',
      last: '2028-02-29',
      name: 'day',
    });
  });

  it('keeps the winter that ends today', () => {
    expect(amazonDatePeriod('2026-WI', '2026-02-28')).to.deep.equal({
      first: '2025-12-01',
      last: '2026-02-28',
      name: 'winter',
    });
    expect(amazonDatePeriod('2026-WI', '2026-03-01')?.first).to.equal('2026-12-01');
  });
});
