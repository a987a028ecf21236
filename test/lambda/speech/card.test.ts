import { expect } from 'chai';
import { adviseDay } from '../../../lambda/advice/index.js';
import { adviceCard, twoDayCard } from '../../../lambda/speech/index.js';
import { exampleDay, forecast, hours } from './fixtures.js';

describe('speech/adviceCard', () => {
  it('titles the card with the place, region and day', () => {
    const { day, advice } = exampleDay();
    expect(adviceCard({ forecast: day, advice, units: { temperature: 'CELSIUS' } }).title).to.equal(
      'Chicago, Illinois: Tomorrow, Thursday, November 26th',
    );
  });

  it("lists the day's details in Celsius and metric units", () => {
    const { day, advice } = exampleDay();
    expect(adviceCard({ forecast: day, advice, units: { temperature: 'CELSIUS' } }).text).to.equal(
      [
        'Feels like 2°C to 9°C (morning 4°C, afternoon 8°C)',
        'Rain likely after noon (up to 80%, 9 mm)',
        'Wind up to 12 km/h',
        'UV index up to 1',
        'Wear: a warm coat over long sleeves and long pants',
        'Bring: an umbrella',
        'Weather data by Open-Meteo.com',
      ].join('\n'),
    );
  });

  it('uses Fahrenheit, mph and inches for a Fahrenheit user', () => {
    const { day, advice } = exampleDay();
    const { text } = adviceCard({ forecast: day, advice, units: { temperature: 'FAHRENHEIT' } });
    expect(text)
      .to.contain('Feels like 36°F to 48°F')
      .and.contain('0.35 in')
      .and.contain('Wind up to 7 mph');
  });

  it('says dry when no precipitation is expected', () => {
    const day = forecast(hours(10, 14));
    expect(
      adviceCard({ forecast: day, advice: adviseDay(day.hours), units: { temperature: 'CELSIUS' } })
        .text,
    ).to.contain('\nDry\n');
  });

  it('labels a demo forecast as not real weather', () => {
    const day = forecast(hours(10, 14), { provider: 'demo' });
    const { text } = adviceCard({
      forecast: day,
      advice: adviseDay(day.hours),
      units: { temperature: 'CELSIUS' },
    });
    expect(text).to.contain('Demo forecast').and.not.contain('Open-Meteo');
  });

  it('says when the forecast is an older one', () => {
    const day = forecast(hours(10, 14), { stale: true });
    const { text } = adviceCard({
      forecast: day,
      advice: adviseDay(day.hours),
      units: { temperature: 'CELSIUS' },
    });
    expect(text).to.contain('From an earlier forecast');
  });

  it('advises layers on a day with a big swing', () => {
    const day = forecast(hours(1, 21));
    const { text } = adviceCard({
      forecast: day,
      advice: adviseDay(day.hours),
      units: { temperature: 'CELSIUS' },
    });
    expect(text).to.contain('Dress in layers');
  });

  it('writes a card once per advice, but anew for anything else the card shows', () => {
    const { day, advice } = exampleDay();
    const celsius = { temperature: 'CELSIUS' } as const;
    const first = adviceCard({ forecast: day, advice, units: celsius });
    expect(adviceCard({ forecast: { ...day }, advice, units: { ...celsius } })).to.equal(first);
    const variants = [
      adviceCard({ forecast: day, advice, units: { temperature: 'FAHRENHEIT' } }),
      adviceCard({
        forecast: day,
        advice,
        units: { temperature: 'CELSIUS', distance: 'IMPERIAL' },
      }),
      adviceCard({ forecast: { ...day, stale: true }, advice, units: celsius }),
      adviceCard({ forecast: { ...day, provider: 'demo' }, advice, units: celsius }),
      adviceCard({ forecast: { ...day, today: day.date }, advice, units: celsius }),
      adviceCard({
        forecast: { ...day, place: { ...day.place, name: 'Evanston' } },
        advice,
        units: celsius,
      }),
      adviceCard({ forecast: day, advice, units: celsius, locale: 'en-GB' }),
    ];
    for (const card of variants) expect(card).to.not.deep.equal(first);
  });
});

describe('speech/adviceCard titles and weekends', () => {
  it('names a day beyond tomorrow once: "Saturday, November 28th", never "On Saturday, Saturday"', () => {
    const day = forecast(hours(10, 14), { date: '2026-11-28' });
    const { title } = adviceCard({
      forecast: day,
      advice: adviseDay(day.hours),
      units: { temperature: 'CELSIUS' },
    });
    expect(title).to.equal('Chicago, Illinois: Saturday, November 28th');
  });

  it('puts both days of a weekend on one card, each under its date, the source once', () => {
    const saturday = forecast(hours(10, 14), { date: '2026-11-28' });
    const sunday = forecast(hours(2, 6), { date: '2026-11-29' });
    const units = { temperature: 'CELSIUS' } as const;
    const card = twoDayCard(
      { forecast: saturday, advice: adviseDay(saturday.hours), units },
      { forecast: sunday, advice: adviseDay(sunday.hours), units },
    );
    expect(card.title).to.equal(
      'Chicago, Illinois: Saturday, November 28th and Sunday, November 29th',
    );
    const lines = card.text.split('\n');
    expect(lines[0]).to.equal('Saturday, November 28th');
    expect(lines).to.include('Sunday, November 29th');
    expect(lines.filter((l) => l === 'Weather data by Open-Meteo.com')).to.have.length(1);
    const stale = twoDayCard(
      { forecast: { ...saturday, stale: true }, advice: adviseDay(saturday.hours), units },
      { forecast: sunday, advice: adviseDay(sunday.hours), units },
    );
    expect(stale.text).to.contain('From an earlier forecast');
    expect(lines.filter((l) => l.startsWith('Wear: '))).to.have.length(2);
  });
});
