import { expect } from 'chai';
import fc from 'fast-check';
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

  describe('local dates read through the process zone, against Intl.DateTimeFormat', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    /** The oracle: what the skill computed with Intl.DateTimeFormat before. */
    const oracles = new Map<string, Intl.DateTimeFormat>();
    const byIntl = (epochMs: number, timeZone: string): string => {
      let oracle = oracles.get(timeZone);
      if (oracle === undefined) {
        oracle = new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        oracles.set(timeZone, oracle);
      }
      const parts = oracle.formatToParts(epochMs);
      const get = (type: string) => parts.find((p) => p.type === type)?.value;
      return `${get('year')}-${get('month')}-${get('day')}`;
    };

    it('agrees for every canonical zone, hour by hour over a winter and a summer day', () => {
      expect(zones.length).to.be.greaterThan(300);
      // Summer and winter in both hemispheres; the seeded property below covers other instants.
      const days = ['2026-01-15', '2026-07-15'];
      const differences: string[] = [];
      zones.forEach((zone, z) => {
        for (const day of days) {
          for (let hour = 0; hour < 24; hour += 1) {
            // A minute that moves with the zone and the hour, so that offsets of :30 and :45 meet
            // probes on both sides of their local midnight.
            const at =
              Date.parse(`${day}T00:00:00Z`) +
              hour * 3_600_000 +
              ((z * 7 + hour * 13) % 60) * 60_000;
            if (localDate(at, zone) !== byIntl(at, zone))
              differences.push(`${zone} ${new Date(at).toISOString()}`);
          }
        }
      });
      expect(differences).to.deep.equal([]);
    });

    it('agrees at any instant from 1970 to 2100 (seeded)', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...zones),
          fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
          (zone, at) => localDate(at, zone) === byIntl(at, zone),
        ),
        { seed: 20261202, numRuns: 3000 },
      );
    });

    it('puts the process zone back, set or not', () => {
      const saved = process.env['TZ'];
      try {
        process.env['TZ'] = ':UTC';
        localDate(Date.parse('2026-06-01T12:34:00Z'), 'Asia/Kathmandu');
        expect(process.env['TZ']).to.equal(':UTC');
        expect(new Date(0).getTimezoneOffset()).to.equal(0);
        delete process.env['TZ'];
        localDate(Date.parse('2026-06-01T12:35:00Z'), 'America/Chicago');
        expect(process.env['TZ']).to.equal(undefined);
      } finally {
        if (saved === undefined) delete process.env['TZ'];
        else process.env['TZ'] = saved;
      }
    });

    it('reads an alias zone (not canonical) through Intl.DateTimeFormat', () => {
      const at = Date.parse('2026-11-26T03:30:00Z');
      for (const zone of ['US/Central', 'UTC', 'Etc/GMT+5', 'Asia/Calcutta', 'Etc/GMT-14']) {
        expect(localDate(at, zone), zone).to.equal(byIntl(at, zone));
      }
    });
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
