/**
 * CanFulfillIntentRequest (name-free interaction, en-US): could the skill answer this intent with
 * the slots Alexa heard? Judged from the request alone, so that asking changes nothing: no token
 * check (the user may not have linked, or even enabled, the skill), no Alexa API or weather call,
 * no speech, card or session change.
 */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { canfulfill, Intent, Slot } from 'ask-sdk-model';
import {
  amazonDatePeriod,
  forecastPeriod,
  periodsOverlap,
  type DatePeriod,
} from '../request/index.js';
import { MAX_PLACE_NAME_LENGTH } from '../weather/index.js';
import { INTENTS } from './intents.js';
import type { SkillDependencies } from './state.js';
import { requestState } from './state.js';

/** What the skill says about one slot value. */
export interface SlotAnswer extends canfulfill.CanFulfillSlot {
  readonly canFulfill: canfulfill.CanFulfillSlotValues;
}

const YES: SlotAnswer = { canUnderstand: 'YES', canFulfill: 'YES' };
const NO: SlotAnswer = { canUnderstand: 'NO', canFulfill: 'NO' };
/** An item or purpose its slot type does not know still gets the general advice. */
const UNRESOLVED: SlotAnswer = { canUnderstand: 'MAYBE', canFulfill: 'YES' };

/** One judge per slot of WhatShouldIWearIntent: its value (trimmed, not empty), the slot, the days the skill can forecast. */
const WEAR_SLOTS: Readonly<
  Record<string, (value: string, slot: Slot, forecast: DatePeriod) => SlotAnswer>
> = {
  city: (value) => (value.length <= MAX_PLACE_NAME_LENGTH ? YES : NO),
  date: (value, _slot, forecast) => {
    const period = amazonDatePeriod(value, forecast.first);
    if (period === undefined) return NO;
    return { canUnderstand: 'YES', canFulfill: periodsOverlap(period, forecast) ? 'YES' : 'NO' };
  },
  item: (_value, slot) => (resolved(slot) ? YES : UNRESOLVED),
  purpose: (_value, slot) => (resolved(slot) ? YES : UNRESOLVED),
};

/** Whether entity resolution matched the value of a custom slot to one of its type's values. */
function resolved(slot: Slot): boolean {
  const authorities = slot.resolutions?.resolutionsPerAuthority ?? [];
  return authorities.some((a) => a.status.code === 'ER_SUCCESS_MATCH');
}

/**
 * The answer for `intent` when the skill can forecast the days `forecast`. Only
 * WhatShouldIWearIntent is worth a name-free request: every other intent, the built-in ones
 * included (Help, Stop, Fallback... mean something only inside the skill), is NO. Slots without a
 * value are left out; a slot the intent does not have is neither understood nor fulfilled.
 */
export function canFulfillIntent(
  intent: Intent,
  forecast: DatePeriod,
): canfulfill.CanFulfillIntent {
  if (intent.name !== INTENTS.wear) return { canFulfill: 'NO' };
  const slots: Record<string, SlotAnswer> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    const value = slot.value?.trim() ?? '';
    if (value === '') continue;
    const judge = Object.hasOwn(WEAR_SLOTS, name) ? WEAR_SLOTS[name] : undefined;
    slots[name] = judge ? judge(value, slot, forecast) : NO;
  }
  return { canFulfill: overall(Object.values(slots)), slots };
}

/** NO if any slot cannot be fulfilled, MAYBE if any is only maybe understood, else YES. */
function overall(slots: readonly SlotAnswer[]): canfulfill.CanFulfillIntentValues {
  if (slots.some((s) => s.canFulfill === 'NO' || s.canUnderstand === 'NO')) return 'NO';
  if (slots.some((s) => s.canUnderstand === 'MAYBE')) return 'MAYBE';
  return 'YES';
}

/** Answers CanFulfillIntentRequest; the days are counted from the request's timestamp (the clock when it has none). */
export function createCanFulfillHandler(deps: Pick<SkillDependencies, 'now'>): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'CanFulfillIntentRequest',
    handle(input) {
      const request = input.requestEnvelope.request as canfulfill.CanFulfillIntentRequest;
      const sent = Date.parse(request.timestamp);
      const answer = canFulfillIntent(
        request.intent,
        forecastPeriod(Number.isNaN(sent) ? deps.now() : sent),
      );
      requestState(input).outcome = `can-fulfill:${answer.canFulfill}`;
      return input.responseBuilder.withCanFulfillIntent(answer).getResponse();
    },
  };
}
