export {
  adviseDay,
  adviseForecast,
  type Advice,
  type Item,
  type Precipitation,
  type Swing,
} from './advise.js';
export { summarizeDay, NoForecastHoursError, type DaySummary } from './summary.js';
export {
  THRESHOLDS,
  bandFor,
  type Legs,
  type Outer,
  type Thresholds,
  type Top,
  type Warmth,
  type WarmthBand,
} from './thresholds.js';
export * from './units.js';
export {
  isItemId,
  ITEM_IDS,
  itemVerdict,
  type ItemId,
  type ItemReason,
  type ItemVerdict,
} from './items.js';
