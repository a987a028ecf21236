/**
 * Item questions answered from a day's advice (`lambda/advice/items.ts`): every item, each
 * branch of its answer, with the reason. The advice is a real day's, changed only where a case
 * says so.
 */
import { expect } from 'chai';
import {
  adviseDay,
  isItemId,
  ITEM_IDS,
  itemVerdict,
  type Advice,
  type ItemId,
} from '../../../lambda/advice/index.js';
import { flat } from './hours.js';

const BASE = adviseDay(flat());
const day = (over: Partial<Advice>): Advice => ({ ...BASE, ...over });
const rain = (chance: 'likely' | 'possible') =>
  ({ kind: 'rain', chance, fromHour: 9, toHour: 12 }) as const;
const snow = (chance: 'likely' | 'possible') =>
  ({ kind: 'snow', chance, fromHour: 9, toHour: 12 }) as const;

describe('item answers', () => {
  it('knows its items, and nothing else', () => {
    for (const id of ITEM_IDS) expect(isItemId(id), id).to.equal(true);
    for (const odd of ['umbrella', 'PARASOL', '', 7, null, undefined]) {
      expect(isItemId(odd), String(odd)).to.equal(false);
    }
  });

  const cases: [ItemId, Partial<Advice>, 'yes' | 'no' | 'maybe', string][] = [
    ['UMBRELLA', { precipitation: rain('likely') }, 'yes', 'rain-likely'],
    ['UMBRELLA', { precipitation: rain('possible') }, 'maybe', 'rain-possible'],
    ['UMBRELLA', { precipitation: snow('likely') }, 'yes', 'snow-likely'],
    ['UMBRELLA', { precipitation: snow('possible') }, 'maybe', 'snow-possible'],
    ['UMBRELLA', { precipitation: null }, 'no', 'dry'],
    [
      'UMBRELLA',
      { precipitation: rain('likely'), bring: ['rain-jacket'] },
      'no',
      'too-windy-for-umbrella',
    ],
    ['RAINCOAT', { precipitation: rain('likely'), bring: ['rain-jacket'] }, 'yes', 'rain-likely'],
    ['RAINCOAT', { precipitation: null }, 'no', 'dry'],
    ['BOOTS', { bring: ['waterproof-boots'] }, 'yes', 'snow-likely'],
    ['BOOTS', { precipitation: snow('likely') }, 'yes', 'snow-likely'],
    ['BOOTS', { precipitation: snow('possible') }, 'maybe', 'snow-possible'],
    ['BOOTS', { precipitation: rain('likely') }, 'maybe', 'rain-likely'],
    ['BOOTS', { precipitation: rain('possible') }, 'maybe', 'rain-possible'],
    ['BOOTS', { precipitation: null }, 'no', 'dry'],
    ['SUNSCREEN', { bring: ['sunscreen'] }, 'yes', 'strong-uv'],
    ['SUNSCREEN', { bring: ['sunglasses'] }, 'no', 'low-uv'],
    ['SUNGLASSES', { bring: ['sunglasses'] }, 'yes', 'strong-uv'],
    ['SUNGLASSES', { bring: ['sunscreen'] }, 'no', 'low-uv'],
    ['GLOVES', { bring: ['gloves'] }, 'yes', 'cold'],
    ['GLOVES', { bring: ['scarf'] }, 'no', 'not-cold-enough'],
    ['SCARF', { bring: ['scarf'] }, 'yes', 'cold'],
    ['SCARF', { bring: ['gloves'] }, 'no', 'not-cold-enough'],
    ['HAT', { bring: ['warm-hat', 'sun-hat'] }, 'yes', 'cold'],
    ['HAT', { bring: ['sun-hat'] }, 'yes', 'strong-uv'],
    ['HAT', { bring: [] }, 'no', 'not-cold-enough'],
    ['JACKET', { outer: 'warm-coat' }, 'no', 'coat-needed'],
    ['JACKET', { outer: 'winter-coat' }, 'no', 'coat-needed'],
    ['JACKET', { outer: 'none' }, 'no', 'no-outer-layer'],
    ['JACKET', { outer: 'light-jacket' }, 'yes', 'jacket-enough'],
    ['JACKET', { outer: 'windbreaker' }, 'yes', 'jacket-enough'],
    ['COAT', { outer: 'warm-coat' }, 'yes', 'cold'],
    ['COAT', { outer: 'winter-coat' }, 'yes', 'cold'],
    ['COAT', { outer: 'none' }, 'no', 'no-outer-layer'],
    ['COAT', { outer: 'jacket' }, 'no', 'jacket-enough'],
    ['SWEATER', { top: 'sweater' }, 'yes', 'cold'],
    ['SWEATER', { top: 'thermal-layer' }, 'yes', 'cold'],
    ['SWEATER', { top: 'long-sleeves' }, 'no', 'not-cold-enough'],
    ['SHORTS', { legs: 'shorts' }, 'yes', 'warm'],
    ['SHORTS', { legs: 'shorts', precipitation: rain('likely') }, 'yes', 'warm'],
    ['SHORTS', { legs: 'long-pants' }, 'no', 'too-cold'],
    ['SANDALS', { legs: 'shorts' }, 'yes', 'warm'],
    ['SANDALS', { legs: 'shorts', precipitation: rain('possible') }, 'yes', 'warm'],
    ['SANDALS', { legs: 'shorts', precipitation: rain('likely') }, 'no', 'rain-likely'],
    ['SANDALS', { legs: 'shorts', precipitation: snow('likely') }, 'no', 'snow-likely'],
    ['SANDALS', { legs: 'thermal-leggings' }, 'no', 'too-cold'],
    ['TSHIRT', { top: 't-shirt' }, 'yes', 'warm'],
    ['TSHIRT', { top: 'light-t-shirt' }, 'yes', 'warm'],
    ['TSHIRT', { top: 'long-sleeves' }, 'no', 'too-cold'],
    ['LONG_PANTS', { legs: 'shorts' }, 'no', 'warm'],
    ['LONG_PANTS', { legs: 'long-pants' }, 'yes', 'cold'],
    [
      'LAYERS',
      { swing: { direction: 'warming', morningC: 5, afternoonC: 15 } },
      'yes',
      'temperature-swing',
    ],
    ['LAYERS', { swing: null }, 'no', 'steady-temperature'],
  ];
  for (const [item, over, answer, reason] of cases) {
    it(`${item} on ${JSON.stringify(over)}: ${answer} (${reason})`, () => {
      expect(itemVerdict(item, day(over))).to.deep.equal({ item, answer, reason });
    });
  }

  it('answers every item it knows', () => {
    for (const item of ITEM_IDS) expect(itemVerdict(item, BASE).item).to.equal(item);
  });
});
