/**
 * Questions about one item ("do I need an umbrella?", "can I wear shorts?") answered from the
 * day's advice: yes, no, or maybe, with the reason. Pure: the ids are the ClothingItem slot
 * type's entity-resolution ids (models/<locale>.json, generated from tools/model-grammar).
 */
import type { Advice } from './advise.js';

/** The items people ask about, as entity resolution names them. */
export const ITEM_IDS = [
  'JACKET',
  'COAT',
  'SWEATER',
  'UMBRELLA',
  'RAINCOAT',
  'SUNSCREEN',
  'SUNGLASSES',
  'GLOVES',
  'HAT',
  'SCARF',
  'BOOTS',
  'SHORTS',
  'TSHIRT',
  'LAYERS',
  'LONG_PANTS',
  'SANDALS',
] as const;

export type ItemId = (typeof ITEM_IDS)[number];

/** True when `id` is an item the skill can answer about. */
export function isItemId(id: unknown): id is ItemId {
  return (ITEM_IDS as readonly unknown[]).includes(id);
}

/** Why the answer is what it is. */
export type ItemReason =
  | 'rain-likely'
  | 'rain-possible'
  | 'too-windy-for-umbrella'
  | 'dry'
  | 'snow-likely'
  | 'snow-possible'
  | 'strong-uv'
  | 'low-uv'
  | 'cold'
  | 'not-cold-enough'
  | 'too-cold'
  | 'warm'
  | 'coat-needed'
  | 'jacket-enough'
  | 'no-outer-layer'
  | 'temperature-swing'
  | 'steady-temperature';

/** The answer to one item question. */
export interface ItemVerdict {
  readonly item: ItemId;
  readonly answer: 'yes' | 'no' | 'maybe';
  readonly reason: ItemReason;
}

const verdict = (item: ItemId, answer: ItemVerdict['answer'], reason: ItemReason): ItemVerdict => ({
  item,
  answer,
  reason,
});

function wet(item: ItemId, advice: Advice): ItemVerdict {
  const p = advice.precipitation;
  if (advice.bring.includes('rain-jacket') && item === 'UMBRELLA') {
    return verdict(item, 'no', 'too-windy-for-umbrella');
  }
  if (p?.kind === 'rain') {
    return verdict(item, p.chance === 'likely' ? 'yes' : 'maybe', `rain-${p.chance}`);
  }
  if (p?.kind === 'snow') {
    return verdict(item, p.chance === 'likely' ? 'yes' : 'maybe', `snow-${p.chance}`);
  }
  return verdict(item, 'no', 'dry');
}

/** Whether the day calls for `item`, and why. */
export function itemVerdict(item: ItemId, advice: Advice): ItemVerdict {
  const { outer, top, legs, bring } = advice;
  switch (item) {
    case 'UMBRELLA':
    case 'RAINCOAT':
      return wet(item, advice);
    case 'BOOTS': {
      const p = advice.precipitation;
      if (bring.includes('waterproof-boots') || (p?.kind === 'snow' && p.chance === 'likely')) {
        return verdict(item, 'yes', 'snow-likely');
      }
      if (p !== null)
        return verdict(item, 'maybe', p.kind === 'snow' ? 'snow-possible' : `rain-${p.chance}`);
      return verdict(item, 'no', 'dry');
    }
    case 'SUNSCREEN':
    case 'SUNGLASSES':
      return bring.includes(item === 'SUNSCREEN' ? 'sunscreen' : 'sunglasses')
        ? verdict(item, 'yes', 'strong-uv')
        : verdict(item, 'no', 'low-uv');
    case 'GLOVES':
    case 'SCARF': {
      const needed = bring.includes(item === 'GLOVES' ? 'gloves' : 'scarf');
      return verdict(item, needed ? 'yes' : 'no', needed ? 'cold' : 'not-cold-enough');
    }
    case 'HAT':
      if (bring.includes('warm-hat')) return verdict(item, 'yes', 'cold');
      if (bring.includes('sun-hat')) return verdict(item, 'yes', 'strong-uv');
      return verdict(item, 'no', 'not-cold-enough');
    case 'JACKET':
      if (outer === 'warm-coat' || outer === 'winter-coat')
        return verdict(item, 'no', 'coat-needed');
      return outer === 'none'
        ? verdict(item, 'no', 'no-outer-layer')
        : verdict(item, 'yes', 'jacket-enough');
    case 'COAT':
      if (outer === 'warm-coat' || outer === 'winter-coat') return verdict(item, 'yes', 'cold');
      return outer === 'none'
        ? verdict(item, 'no', 'no-outer-layer')
        : verdict(item, 'no', 'jacket-enough');
    case 'SWEATER':
      return top === 'sweater' || top === 'thermal-layer'
        ? verdict(item, 'yes', 'cold')
        : verdict(item, 'no', 'not-cold-enough');
    case 'SHORTS':
    case 'SANDALS':
      if (legs !== 'shorts') return verdict(item, 'no', 'too-cold');
      if (item === 'SANDALS' && advice.precipitation?.chance === 'likely') {
        // Wet feet: rain likely says no to sandals, however warm.
        return verdict(item, 'no', `${advice.precipitation.kind}-likely`);
      }
      return verdict(item, 'yes', 'warm');
    case 'TSHIRT':
      return top === 't-shirt' || top === 'light-t-shirt'
        ? verdict(item, 'yes', 'warm')
        : verdict(item, 'no', 'too-cold');
    case 'LONG_PANTS':
      return legs === 'shorts' ? verdict(item, 'no', 'warm') : verdict(item, 'yes', 'cold');
    case 'LAYERS':
      return advice.swing !== null
        ? verdict(item, 'yes', 'temperature-swing')
        : verdict(item, 'no', 'steady-temperature');
  }
}
