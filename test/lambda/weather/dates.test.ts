import { expect } from 'chai';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  forecastWindow,
  isIsoDate,
  localDate,
  resolveRequestedDate,
} from '../../../lambda/weather/index.js';

describe('weather/dates', () => {
  const cases: [unknown, boolean][] = [
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-11-25T00:00', false],
    ['2026-W48', false],
    [20261125, false],
  ];
  for (const [value, expected] of cases) {
    it(`isIsoDate(${JSON.stringify(value)}) is ${expected}`, () => {
      expect(isIsoDate(value)).to.equal(expected);
    });
  }

  it('adds days across a month, a year and a daylight-saving change', () => {
    expect([
      addDays('2026-11-30', 1),
      addDays('2026-12-31', 1),
      addDays('2026-03-08', 1),
    ]).to.deep.equal(['2026-12-01', '2027-01-01', '2026-03-09']);
  });

  it('counts days between dates, negative backwards', () => {
    expect([
      daysBetween('2026-11-25', '2026-12-10'),
      daysBetween('2026-11-25', '2026-11-24'),
    ]).to.deep.equal([15, -1]);
  });

  it('names the day of the week (2026-11-28 is a Saturday)', () => {
    expect(dayOfWeek('2026-11-28')).to.equal(6);
  });

  it('gives the local date of an instant in a time zone', () => {
    const instant = Date.parse('2026-11-26T03:00:00Z');
    expect([localDate(instant, 'America/Chicago'), localDate(instant, 'Asia/Tokyo')]).to.deep.equal(
      ['2026-11-25', '2026-11-26'],
    );
  });

  it('falls back to a UTC offset for a zone the runtime does not know', () => {
    expect(localDate(Date.parse('2026-11-26T03:00:00Z'), 'Mars/Olympus', -6 * 3600)).to.equal(
      '2026-11-25',
    );
  });

  it('resolves today and checks both ends of the window', () => {
    const window = forecastWindow('2026-11-25', 16);
    expect(resolveRequestedDate('today', window, 'X')).to.equal('2026-11-25');
    expect(resolveRequestedDate('2026-12-10', window, 'X')).to.equal('2026-12-10');
    expect(() => resolveRequestedDate('2026-12-11', window, 'X'))
      .to.throw()
      .with.property('reason', 'beyond-horizon');
    expect(() => resolveRequestedDate('2026-11-24', window, 'X'))
      .to.throw()
      .with.property('reason', 'past');
  });
});
