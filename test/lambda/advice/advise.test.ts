import { expect } from 'chai';
import {
  adviseDay,
  adviseForecast,
  NoForecastHoursError,
  THRESHOLDS,
  type Advice,
} from '../../../lambda/advice/index.js';
import type { DayForecast } from '../../../lambda/weather/index.js';
import { during, hoursOf, type DayShape } from './hours.js';

interface Case {
  name: string;
  day: DayShape;
  expect: Partial<
    Pick<Advice, 'warmth' | 'top' | 'legs' | 'outer' | 'windy' | 'strongSun' | 'bring'>
  > & {
    precipitation?: Advice['precipitation'];
    swing?: 'warming' | 'cooling' | null;
  };
}

const cases: Case[] = [
  {
    name: 'a hot day: light t-shirt, shorts, no outer layer',
    day: { morning: 26, afternoon: 34, uv: 5 },
    expect: {
      warmth: 'hot',
      top: 'light-t-shirt',
      legs: 'shorts',
      outer: 'none',
      bring: ['sunglasses', 'sunscreen'],
    },
  },
  {
    name: 'a warm day: t-shirt and shorts',
    day: { morning: 21, afternoon: 26, uv: 2 },
    expect: { warmth: 'warm', top: 't-shirt', legs: 'shorts', outer: 'none', bring: [] },
  },
  {
    name: 'a mild day: t-shirt, long pants, a light jacket',
    day: { morning: 15, afternoon: 20, uv: 2 },
    expect: { warmth: 'mild', top: 't-shirt', legs: 'long-pants', outer: 'light-jacket' },
  },
  {
    name: 'a cool day: long sleeves, long pants, a jacket',
    day: { morning: 9, afternoon: 14, uv: 2 },
    expect: { warmth: 'cool', top: 'long-sleeves', legs: 'long-pants', outer: 'jacket' },
  },
  {
    name: 'a cool afternoon after a cold morning: a warm coat over long sleeves',
    day: { morning: 2, afternoon: 9, uv: 1 },
    expect: {
      warmth: 'cool',
      top: 'long-sleeves',
      legs: 'long-pants',
      outer: 'warm-coat',
      bring: [],
    },
  },
  {
    name: 'a cold day: sweater, long pants, a warm coat',
    day: { morning: 1, afternoon: 6, uv: 1 },
    expect: { warmth: 'cold', top: 'sweater', legs: 'long-pants', outer: 'warm-coat', bring: [] },
  },
  {
    name: 'a freezing day: thermal layers, a winter coat, a hat and gloves',
    day: { morning: -8, afternoon: -2, uv: 1 },
    expect: {
      warmth: 'freezing',
      top: 'thermal-layer',
      legs: 'thermal-leggings',
      outer: 'winter-coat',
      bring: ['warm-hat', 'gloves'],
    },
  },
  {
    name: 'a bitter day: a scarf too',
    day: { morning: -18, afternoon: -11, uv: 0 },
    expect: { warmth: 'freezing', bring: ['warm-hat', 'gloves', 'scarf'] },
  },
  {
    name: 'a day that just reaches freezing: a hat and gloves at 0 °C',
    day: { morning: 0, afternoon: 5, uv: 1 },
    expect: { bring: ['warm-hat', 'gloves'] },
  },
  {
    name: 'rain likely after noon: an umbrella',
    day: {
      morning: 8,
      afternoon: 12,
      uv: 1,
      probability: during(13, 21, 80, 10),
      mm: during(13, 21, 1.2),
    },
    expect: {
      precipitation: { kind: 'rain', chance: 'likely', fromHour: 13, toHour: 21 },
      bring: ['umbrella'],
    },
  },
  {
    name: 'rain measured but with no probability: still likely',
    day: { morning: 8, afternoon: 12, uv: 1, probability: () => null, mm: during(9, 11, 1) },
    expect: {
      precipitation: { kind: 'rain', chance: 'likely', fromHour: 9, toHour: 11 },
      bring: ['umbrella'],
    },
  },
  {
    name: 'a fair chance of rain: possible, no umbrella',
    day: { morning: 8, afternoon: 12, uv: 1, probability: during(16, 19, 40, 10) },
    expect: {
      precipitation: { kind: 'rain', chance: 'possible', fromHour: 16, toHour: 19 },
      bring: [],
    },
  },
  {
    name: 'a trace of drizzle below the thresholds: no precipitation',
    day: { morning: 8, afternoon: 12, uv: 1, probability: during(8, 9, 25), mm: during(8, 9, 0.1) },
    expect: { precipitation: null },
  },
  {
    name: 'snow likely: waterproof boots, not an umbrella',
    day: {
      morning: -4,
      afternoon: -1,
      uv: 1,
      probability: during(7, 21, 85),
      mm: during(7, 21, 0.8),
      snowCm: during(7, 21, 0.6),
    },
    expect: {
      precipitation: { kind: 'snow', chance: 'likely', fromHour: 7, toHour: 21 },
      bring: ['waterproof-boots', 'warm-hat', 'gloves'],
    },
  },
  {
    name: 'a windy cool day: windy, same clothes',
    day: { morning: 9, afternoon: 14, uv: 1, windKmh: 40 },
    expect: { windy: true, outer: 'jacket' },
  },
  {
    name: 'a windy warm day: a windbreaker',
    day: { morning: 21, afternoon: 25, uv: 1, windKmh: 35 },
    expect: { windy: true, outer: 'windbreaker' },
  },
  {
    name: 'a windy hot day: still no outer layer',
    day: { morning: 27, afternoon: 33, uv: 1, windKmh: 35 },
    expect: { windy: true, outer: 'none' },
  },
  {
    name: 'a light breeze: not windy',
    day: { morning: 9, afternoon: 14, uv: 1, windKmh: 29 },
    expect: { windy: false },
  },
  {
    name: 'rain in a gale: a hooded rain jacket instead of an umbrella',
    day: {
      morning: 10,
      afternoon: 13,
      uv: 1,
      windKmh: 60,
      probability: during(7, 21, 90),
      mm: during(7, 21, 2),
    },
    expect: { windy: true, bring: ['rain-jacket'] },
  },
  {
    name: 'strong sun: sunglasses and sunscreen, strong sun noted',
    day: { morning: 18, afternoon: 24, uv: 7 },
    expect: { strongSun: true, bring: ['sunglasses', 'sunscreen'] },
  },
  {
    name: 'very strong sun: a sun hat too',
    day: { morning: 22, afternoon: 30, uv: 9.5 },
    expect: { strongSun: true, bring: ['sunglasses', 'sunscreen', 'sun-hat'] },
  },
  {
    name: 'moderate sun: sunglasses and sunscreen, not called strong',
    day: { morning: 18, afternoon: 24, uv: 3 },
    expect: { strongSun: false, bring: ['sunglasses', 'sunscreen'] },
  },
  {
    name: 'strong sun on a rainy day: not called strong',
    day: { morning: 18, afternoon: 24, uv: 7, probability: during(7, 21, 70) },
    expect: { strongSun: false, bring: ['umbrella', 'sunglasses', 'sunscreen'] },
  },
  {
    name: 'no UV data: no sun advice',
    day: { morning: 18, afternoon: 24, uv: null },
    expect: { strongSun: false, bring: [] },
  },
  {
    name: 'a big warming swing: layers',
    day: { morning: 2, afternoon: 20, uv: 2 },
    expect: { swing: 'warming', top: 't-shirt', outer: 'warm-coat' },
  },
  {
    name: 'a cold front in the afternoon: a cooling swing',
    day: { morning: 20, afternoon: 4, uv: 2 },
    expect: { swing: 'cooling' },
  },
  {
    name: 'an ordinary day: no swing',
    day: { morning: 10, afternoon: 16, uv: 2 },
    expect: { swing: null },
  },
];

describe('advice/adviseDay', () => {
  for (const c of cases) {
    it(c.name, () => {
      const advice = adviseDay(hoursOf(c.day));
      const { swing, ...rest } = c.expect;
      expect(advice).to.deep.include(rest);
      if (swing !== undefined) expect(advice.swing?.direction ?? null).to.equal(swing);
    });
  }

  it('reports the swing with morning and afternoon averages', () => {
    const advice = adviseDay(hoursOf({ morning: 2, afternoon: 20, uv: 2 }));
    expect(advice.swing?.morningC).to.be.closeTo(6.52, 0.01);
    expect(advice.swing?.afternoonC).to.be.closeTo(17.02, 0.01);
  });

  it('summarises the coldest and warmest feels-like', () => {
    const { summary } = adviseDay(hoursOf({ morning: 2, afternoon: 9 }));
    expect([summary.coldestC, summary.warmestC]).to.deep.equal([2, 9]);
  });

  it('follows a different table when given one', () => {
    const warmer = { ...THRESHOLDS, hatAndGlovesAtOrBelowC: 5 };
    expect(adviseDay(hoursOf({ morning: 3, afternoon: 9 }), warmer).bring).to.deep.equal([
      'warm-hat',
      'gloves',
    ]);
  });

  it('refuses a day without hours with a typed error', () => {
    expect(() => adviseDay([]))
      .to.throw(NoForecastHoursError)
      .with.property('code', 'ERR_ADVICE_NO_HOURS');
  });

  it('advises on a provider forecast', () => {
    const day = { hours: hoursOf({ morning: 2, afternoon: 9 }) } as unknown as DayForecast;
    expect(adviseForecast(day).outer).to.equal('warm-coat');
  });
});
