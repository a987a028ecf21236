import { expect } from 'chai';
import { adviseDay, ITEM_IDS, itemVerdict, type ItemId } from '../../../lambda/advice/index.js';
import {
  answerSpeech,
  itemAnswerText,
  itemWords,
  unknownItemText,
} from '../../../lambda/speech/index.js';
import { FIRST_WORDING_SEED, forecast, hours } from './fixtures.js';

const CELSIUS = { temperature: 'CELSIUS' } as const;
/** Rain likely from 15:00 to 19:00. */
const rainy = hours(5, 10, (h) => (h >= 15 && h <= 19 ? { precipitationProbability: 80 } : {}));
const warm = hours(22, 29, () => ({ uvIndex: 7 }));
const cold = hours(-8, -2);

function text(hourly: ReturnType<typeof hours>, item: ItemId, day = 'tomorrow', locale?: string) {
  const advice = adviseDay(hourly);
  return itemAnswerText({
    verdict: itemVerdict(item, advice),
    advice,
    units: CELSIUS,
    day,
    locale,
  });
}

describe('item answers', () => {
  it('says yes to an umbrella on a rainy day, with when', () => {
    expect(text(rainy, 'UMBRELLA')).to.equal(
      'Yes: rain is likely after noon, so take an umbrella.',
    );
  });

  it('says no to an umbrella on a dry day', () => {
    expect(text(warm, 'UMBRELLA')).to.equal(
      "No: it should stay dry, so you won't need an umbrella.",
    );
  });

  it('says not today to shorts when it stays cold, with the best it gets', () => {
    expect(text(rainy, 'SHORTS', 'today')).to.equal(
      'Not today: it will feel like 10 degrees at best.',
    );
  });

  it('says yes to shorts, sunscreen and sunglasses on a hot sunny day', () => {
    expect(text(warm, 'SHORTS')).to.match(/^Yes: it will feel like 29 degrees/);
    expect(text(warm, 'SUNSCREEN')).to.equal('Yes: the sun will be strong, so take sunscreen.');
    expect(itemVerdict('SUNGLASSES', adviseDay(warm)).answer).to.equal('yes');
  });

  it('says more than a jacket on a freezing day, and yes to a coat, gloves and a scarf', () => {
    expect(text(cold, 'JACKET')).to.equal(
      "No: you'll want more than a jacket: a heavy winter coat.",
    );
    for (const item of ['COAT', 'GLOVES', 'HAT', 'SWEATER', 'LONG_PANTS'] as const)
      expect(itemVerdict(item, adviseDay(cold)).answer, item).to.equal('yes');
  });

  it("answers about every item the slot type knows, from the day's advice", () => {
    const warmRain = hours(22, 29, (h) =>
      h >= 15 && h <= 19 ? { precipitationProbability: 80 } : {},
    );
    // Each item on a cool rainy day, a hot sunny one, a freezing one, and a hot rainy one.
    const expected: Record<ItemId, string> = {
      JACKET: 'no/coat-needed no/no-outer-layer no/coat-needed no/no-outer-layer',
      COAT: 'yes/cold no/no-outer-layer yes/cold no/no-outer-layer',
      SWEATER: 'no/not-cold-enough no/not-cold-enough yes/cold no/not-cold-enough',
      UMBRELLA: 'yes/rain-likely no/dry no/dry yes/rain-likely',
      RAINCOAT: 'yes/rain-likely no/dry no/dry yes/rain-likely',
      SUNSCREEN: 'no/low-uv yes/strong-uv no/low-uv no/low-uv',
      SUNGLASSES: 'no/low-uv yes/strong-uv no/low-uv no/low-uv',
      GLOVES: 'no/not-cold-enough no/not-cold-enough yes/cold no/not-cold-enough',
      HAT: 'no/not-cold-enough no/not-cold-enough yes/cold no/not-cold-enough',
      SCARF: 'no/not-cold-enough no/not-cold-enough no/not-cold-enough no/not-cold-enough',
      BOOTS: 'maybe/rain-likely no/dry no/dry maybe/rain-likely',
      SHORTS: 'no/too-cold yes/warm no/too-cold yes/warm',
      TSHIRT: 'no/too-cold yes/warm no/too-cold yes/warm',
      LAYERS:
        'no/steady-temperature no/steady-temperature no/steady-temperature no/steady-temperature',
      LONG_PANTS: 'yes/cold no/warm yes/cold no/warm',
      SANDALS: 'no/too-cold yes/warm no/too-cold no/rain-likely',
    };
    for (const item of ITEM_IDS) {
      const verdicts = [rainy, warm, cold, warmRain].map((day) => {
        const v = itemVerdict(item, adviseDay(day));
        return `${v.answer}/${v.reason}`;
      });
      expect(verdicts.join(' '), item).to.equal(expected[item]);
      for (const day of [rainy, warm, cold, warmRain]) {
        expect(text(day, item), item).to.match(/^(Yes|No|Maybe|Not tomorrow): .+\.$/);
      }
    }
  });

  it('says the verdict it found: no to sandals in the rain, maybe to boots', () => {
    const warmRain = hours(22, 29, (h) =>
      h >= 15 && h <= 19 ? { precipitationProbability: 80 } : {},
    );
    expect(text(warmRain, 'SANDALS')).to.equal(
      'No: rain is likely after noon, so leave sandals at home.',
    );
    expect(text(rainy, 'BOOTS')).to.equal(
      'Maybe: rain is likely after noon, so waterproof boots are worth having.',
    );
  });

  it("says the locale's word for the item", () => {
    expect(itemWords('SWEATER', 'en-GB')).to.equal('a jumper');
    expect(itemWords('SWEATER', 'en-US')).to.equal('a sweater');
    expect(itemWords('LONG_PANTS', 'en-AU')).to.equal('trousers');
  });
});

describe('speech/answerSpeech', () => {
  const day = (hourly: ReturnType<typeof hours>, date: string, today = '2026-11-25') => {
    const f = forecast(hourly, { date, today });
    return { forecast: f, advice: adviseDay(f.hours) };
  };

  it('answers the item first, then what to wear', () => {
    const { text: said } = answerSpeech({
      days: [day(rainy, '2026-11-26')],
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
      item: { id: 'UMBRELLA', said: 'an umbrella' },
    });
    expect(said).to.match(
      /^Yes: rain is likely .* so take an umbrella\. In Chicago tomorrow it will feel like 5 to 10 degrees/,
    );
  });

  it('says so when it cannot tell about the item, and gives the advice', () => {
    const { text: said } = answerSpeech({
      days: [day(rainy, '2026-11-26')],
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
      item: { said: 'a tuxedo' },
    });
    expect(said).to.match(/^I can't say about a tuxedo, but here's what to wear\. In Chicago/);
  });

  it('says so before a question too, offering what it can do, and cleans what was said', () => {
    expect(unknownItemText('a visa', 'place-question')).to.equal(
      "I can't say about a visa, but I can tell you what to wear.",
    );
    expect(unknownItemText('a visa', 'day-question')).to.equal("I can't say about a visa.");
    expect(unknownItemText('a\u0000visa')).to.equal(
      "I can't say about a visa, but here's what to wear.",
    );
    expect(unknownItemText('\u200b', 'place-question')).to.equal(
      "I can't say about that, but I can tell you what to wear.",
    );
  });

  it('says Saturday and Sunday in one sentence when they call for the same clothes', () => {
    const { text: said } = answerSpeech({
      days: [day(hours(10, 14), '2026-11-28'), day(hours(11, 13), '2026-11-29')],
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
    });
    expect(said).to.match(
      /^In Chicago on Saturday and Sunday it will feel like 10 to 14 degrees: /,
    );
  });

  it('says each day when they differ', () => {
    const { text: said } = answerSpeech({
      days: [day(warm, '2026-11-28'), day(cold, '2026-11-29')],
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
    });
    expect(said).to.match(/on Saturday .*\. .*on Sunday /);
  });

  it('says the city is already on another day when it is', () => {
    const { text: said } = answerSpeech({
      days: [day(warm, '2026-11-26', '2026-11-26')],
      units: CELSIUS,
      seed: FIRST_WORDING_SEED,
      usersToday: '2026-11-25',
    });
    expect(said).to.match(/^It's already Thursday in Chicago\. /);
  });
});
