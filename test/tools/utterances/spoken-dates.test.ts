import { expect } from 'chai';
import { isoWeekOf, localDate, spokenDate } from 'alexa-skill-harness';

// Wednesday 25 November 2026, ISO week 48.
const TODAY = '2026-11-25';

describe('spoken dates (AMAZON.DATE)', () => {
  const cases: [string, string][] = [
    ['today', '2026-11-25'],
    ['tonight', '2026-11-25'],
    ['tomorrow', '2026-11-26'],
    ['the day after tomorrow', '2026-11-27'],
    ['yesterday', '2026-11-24'],
    ['now', 'PRESENT_REF'],
    ['saturday', '2026-11-28'],
    ['on saturday', '2026-11-28'],
    ['wednesday', '2026-11-25'],
    ['tuesday', '2026-12-01'],
    ['next saturday', '2026-12-05'],
    ['this weekend', '2026-W48-WE'],
    ['next weekend', '2026-W49-WE'],
    ['this week', '2026-W48'],
    ['next week', '2026-W49'],
    ['this month', '2026-11'],
    ['next month', '2026-12'],
    ['next year', '2027'],
    ['this winter', '2026-WI'],
    ['this decade', '202X'],
    ['november twenty eighth', '2026-11-28'],
    ['november twenty-eighth', '2026-11-28'],
    ['november 28th', '2026-11-28'],
    ['the 28th of november', '2026-11-28'],
    ['28 november', '2026-11-28'],
    ['december first', '2026-12-01'],
    ['november first', '2027-11-01'],
    ['march 3 2027', '2027-03-03'],
    ['this morning', '2026-11-25'],
    ['this evening', '2026-11-25'],
    ['coming friday', '2026-11-27'],
    ['over the weekend', '2026-W48-WE'],
    ['2026-11-28', '2026-11-28'],
  ];
  for (const [phrase, value] of cases) {
    it(`hears "${phrase}" as ${value}`, () => {
      expect(spokenDate(phrase.split(' '), TODAY)).to.equal(value);
    });
  }

  it('hears words that are not a date as nothing', () => {
    for (const phrase of ['boston', 'february thirtieth', 'in boston', 'someday soon', ''])
      expect(spokenDate(phrase.split(' ').filter(Boolean), TODAY), phrase).to.equal(undefined);
  });

  it('counts next month across a year end', () => {
    expect(spokenDate(['next', 'month'], '2026-12-31')).to.equal('2027-01');
  });

  it('names ISO weeks across a year end', () => {
    expect(isoWeekOf('2026-12-31')).to.equal('2026-W53');
    expect(isoWeekOf('2027-01-04')).to.equal('2027-W01');
  });

  it('counts tomorrow across a month end', () => {
    expect(spokenDate(['tomorrow'], '2026-11-30')).to.equal('2026-12-01');
  });

  it('hears a typed ISO date that is not a real day as nothing', () => {
    expect(spokenDate(['2026-02-30'], TODAY)).to.equal(undefined);
  });

  it('puts early January in the last week of the year before, late December in week 1', () => {
    expect(isoWeekOf('2027-01-01')).to.equal('2026-W53');
    expect(isoWeekOf('2024-12-30')).to.equal('2025-W01');
    expect(isoWeekOf('2026-01-01')).to.equal('2026-W01');
  });

  it("takes today's date in the user's time zone", () => {
    const instant = Date.UTC(2026, 10, 25, 3, 0, 0);
    expect(localDate('UTC', instant)).to.equal('2026-11-25');
    expect(localDate('America/Chicago', instant)).to.equal('2026-11-24');
  });
});
