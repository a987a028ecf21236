import { expect } from 'chai';
import fc from 'fast-check';
import { adviseDay } from '../../../lambda/advice/index.js';
import { adviceSpeech } from '../../../lambda/speech/index.js';
import { CHICAGO_PLACE, exampleDay, FIRST_WORDING_SEED, forecast, hours } from './fixtures.js';

const CELSIUS = { temperature: 'CELSIUS' } as const;
const FAHRENHEIT = { temperature: 'FAHRENHEIT' } as const;

function say(
  low: number,
  high: number,
  extra?: Parameters<typeof hours>[2],
  options: { locale?: string; seed?: string; units?: typeof CELSIUS | typeof FAHRENHEIT } = {},
): string {
  const day = forecast(hours(low, high, extra));
  return adviceSpeech({
    forecast: day,
    advice: adviseDay(day.hours),
    units: options.units ?? CELSIUS,
    seed: options.seed ?? FIRST_WORDING_SEED,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  }).text;
}

describe('speech/adviceSpeech', () => {
  it("says the issue's example sentence", () => {
    const { day, advice } = exampleDay();
    const { text } = adviceSpeech({
      forecast: day,
      advice,
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
    });
    expect(text).to.equal(
      'In Chicago tomorrow it will feel like 2 to 9 degrees, with rain likely after noon: wear a warm coat over long sleeves and long pants, and take an umbrella.',
    );
  });

  it('speaks Fahrenheit to a Fahrenheit user', () => {
    expect(say(2, 9, undefined, { units: FAHRENHEIT })).to.contain('feel like 36 to 48 degrees');
  });

  it('says minus for temperatures below zero', () => {
    expect(say(-8, -2)).to.contain('feel like minus 8 to minus 2 degrees');
  });

  it('says "about" when the day hardly changes', () => {
    expect(say(5.2, 5.4)).to.contain('feel like about 5 degrees');
  });

  it('leaves out the outer layer on a warm day', () => {
    expect(say(22, 26)).to.contain(': wear a t-shirt and shorts.');
  });

  it('lists several things to bring with a serial comma in US English', () => {
    expect(say(22, 30, () => ({ uvIndex: 9, precipitationProbability: 70 }))).to.contain(
      'take an umbrella, sunglasses, sunscreen, and a sun hat.',
    );
  });

  it('speaks British words and lists without a serial comma in en-GB', () => {
    const text = say(-2, 4, () => ({ uvIndex: 4 }), { locale: 'en-GB' });
    expect(text)
      .to.contain('a jumper and trousers')
      .and.contain('sunglasses, sunscreen, a warm hat and gloves.');
  });

  it('names the conditions: snow, wind, strong sun', () => {
    expect(say(-5, -1, () => ({ precipitationProbability: 90, snowfallCm: 1 }))).to.contain(
      'with snow likely all day:',
    );
    expect(say(10, 14, () => ({ windSpeedKmh: 45 }))).to.contain('with strong wind:');
    expect(say(20, 26, () => ({ uvIndex: 7 }))).to.contain('with strong sun:');
  });

  it('says a chance of rain when it is only possible', () => {
    expect(say(10, 14, (h) => (h < 11 ? { precipitationProbability: 40 } : {}))).to.contain(
      'with a chance of rain in the morning:',
    );
  });

  it('adds a second sentence for a big warming swing', () => {
    expect(say(1, 21)).to.match(
      /\. It warms up from \d+ degrees in the morning to \d+ in the afternoon, so dress in layers\.$/,
    );
  });

  it('adds a second sentence for a big cooling swing', () => {
    expect(say(22, 4)).to.contain('It cools down from');
  });

  it('names the day: today, on a weekday, on a date', () => {
    const speak = (date: string) => {
      const day = forecast(hours(10, 14), { date, today: '2026-11-25' });
      return adviceSpeech({
        forecast: day,
        advice: adviseDay(day.hours),
        units: CELSIUS,
        seed: FIRST_WORDING_SEED,
      }).text;
    };
    expect(speak('2026-11-25')).to.match(/^In Chicago today /);
    expect(speak('2026-11-28')).to.match(/^In Chicago on Saturday /);
    expect(speak('2026-12-05')).to.match(/^In Chicago on December 5th /);
  });

  it('gives the same words for the same seed', () => {
    expect(say(2, 9, undefined, { seed: 'amzn1.echo-api.request.1' })).to.equal(
      say(2, 9, undefined, { seed: 'amzn1.echo-api.request.1' }),
    );
  });

  it('varies the words across seeds', () => {
    const variants = new Set(
      Array.from({ length: 30 }, (_, i) =>
        say(2, 9, undefined, { seed: `amzn1.echo-api.request.${i}` }),
      ),
    );
    expect(variants.size).to.be.greaterThan(3);
  });

  it('says the same words from one advice as from a fresh copy of it, whatever the seed, units, locale and day', () => {
    const { day, advice } = exampleDay();
    const sunny = forecast(hours(24, 31, () => ({ uvIndex: 9, precipitationProbability: 0 })));
    const sunnyAdvice = adviseDay(sunny.hours);
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(CELSIUS, FAHRENHEIT),
        fc.constantFrom(undefined, 'en-US', 'en-GB', 'en-AU'),
        fc.constantFrom(undefined, 'on Saturday and Sunday'),
        fc.boolean(),
        (seed, units, locale, named, rainy) => {
          const [d, a] = rainy ? [day, advice] : [sunny, sunnyAdvice];
          const input = {
            forecast: d,
            units,
            seed,
            ...(locale === undefined ? {} : { locale }),
            ...(named === undefined ? {} : { day: named }),
          };
          const first = adviceSpeech({ ...input, advice: a });
          const again = adviceSpeech({ ...input, advice: a });
          const anew = adviceSpeech({ ...input, advice: { ...a } });
          expect(again).to.deep.equal(first);
          expect(anew).to.deep.equal(first);
        },
      ),
    );
  });

  it('escapes the place name in SSML and keeps it plain in the text', () => {
    const day = forecast(hours(10, 14), {
      place: { ...CHICAGO_PLACE, name: "Tom & Jerry's <Town>" },
    });
    const speech = adviceSpeech({
      forecast: day,
      advice: adviseDay(day.hours),
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
    });
    expect(speech.ssml).to.contain('In Tom &amp; Jerry&apos;s &lt;Town&gt; tomorrow');
    expect(speech.text).to.contain("In Tom & Jerry's <Town> tomorrow");
  });

  it('never lets a place name break the SSML, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string(), (name, seed) => {
        const day = forecast(hours(10, 14), { place: { ...CHICAGO_PLACE, name } });
        const { ssml } = adviceSpeech({
          forecast: day,
          advice: adviseDay(day.hours),
          units: CELSIUS,
          seed,
        });
        expect(ssml).not.to.match(/[<>"]/);
        expect(ssml).not.to.match(/&(?!(amp|lt|gt|quot|apos);)/);
        // eslint-disable-next-line no-control-regex -- checking that control characters are gone
        expect(ssml).not.to.match(/[\u0000-\u001f]/);
      }),
    );
  });

  it('cuts a very long place name', () => {
    const day = forecast(hours(10, 14), {
      place: { ...CHICAGO_PLACE, name: 'Llanfair '.repeat(30) },
    });
    const { text } = adviceSpeech({
      forecast: day,
      advice: adviseDay(day.hours),
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
    });
    expect(text.length).to.be.below(200);
  });
});
