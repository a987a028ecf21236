/**
 * What the user asked, read once from the request: the city, the AMAZON.DATE value, the item
 * (with its entity-resolution id) and the purpose, from the intent's slots, else from what the
 * session kept while the skill asked a question. Every value is bounded; nothing is trusted
 * further.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, IntentRequest, Slot } from 'ask-sdk-model';
import { isItemId } from '../advice/index.js';
import type { ItemAsked } from '../speech/index.js';
import { MAX_PLACE_NAME_LENGTH } from '../weather/index.js';
import { INTENTS } from './intents.js';

/** What the user asked for. */
export interface WearQuery {
  readonly city?: string;
  /** An AMAZON.DATE value, as Alexa sent it. */
  readonly date?: string;
  readonly item?: ItemAsked;
  readonly purpose?: string;
}

/** The slots the skill can ask for. */
export type AskedSlot = 'city' | 'date';

/** Session attributes that keep the question's context between turns. */
export const PENDING_DATE = 'pendingDate';
export const PENDING_ITEM = 'pendingItem';

const MAX_DATE_SLOT_LENGTH = 32;
const MAX_WORDS_LENGTH = 60;

function bounded(value: unknown, max: number): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' || trimmed.length > max ? undefined : trimmed;
}

function slotOf(input: HandlerInput, name: string): Slot | undefined {
  const request = input.requestEnvelope.request;
  return request.type === 'IntentRequest' ? request.intent.slots?.[name] : undefined;
}

/** The entity-resolution id of a custom slot, when Alexa matched one. */
function resolvedId(slot: Slot | undefined): string | undefined {
  const matched = slot?.resolutions?.resolutionsPerAuthority?.find(
    (r) => r.status.code === 'ER_SUCCESS_MATCH',
  );
  return matched?.values[0]?.value.id;
}

/** The item the session kept, if well formed. */
function pendingItem(session: Readonly<Record<string, unknown>>): ItemAsked | undefined {
  const kept = session[PENDING_ITEM] as { id?: unknown; said?: unknown } | undefined;
  const said = bounded(kept?.said, MAX_WORDS_LENGTH);
  if (said === undefined) return undefined;
  return isItemId(kept?.id) ? { id: kept.id, said } : { said };
}

/**
 * The query of the request: its intent's slots, completed by what `session` kept (the day and
 * item of a question the skill asked). An item whose words match the kept item keeps its id:
 * Alexa returns the slots of an elicited intent as the skill sent them, without resolutions.
 */
export function readQuery(
  input: HandlerInput,
  session: Readonly<Record<string, unknown>>,
): WearQuery {
  const city = bounded(slotOf(input, 'city')?.value, MAX_PLACE_NAME_LENGTH);
  const date =
    bounded(slotOf(input, 'date')?.value, MAX_DATE_SLOT_LENGTH) ??
    bounded(session[PENDING_DATE], MAX_DATE_SLOT_LENGTH);
  const itemSlot = slotOf(input, 'item');
  const said = bounded(itemSlot?.value, MAX_WORDS_LENGTH);
  const kept = pendingItem(session);
  const id = resolvedId(itemSlot);
  let item: ItemAsked | undefined;
  if (said === undefined) item = kept;
  else if (isItemId(id)) item = { id, said };
  else if (kept?.said.toLowerCase() === said.toLowerCase()) item = kept;
  else item = { said };
  const purpose = bounded(slotOf(input, 'purpose')?.value, MAX_WORDS_LENGTH);
  return {
    ...(city === undefined ? {} : { city }),
    ...(date === undefined ? {} : { date }),
    ...(item === undefined ? {} : { item }),
    ...(purpose === undefined ? {} : { purpose }),
  };
}

/** The session attributes that keep `query` for the answer to a question (city excluded). */
export function pendingOf(query: WearQuery): Record<string, unknown> {
  return {
    [PENDING_DATE]: query.date,
    [PENDING_ITEM]: query.item === undefined ? undefined : { ...query.item },
  };
}

/**
 * The intent to send with `Dialog.ElicitSlot`: WhatShouldIWearIntent with what is already known,
 * so that Alexa sends it back with the answer in the asked slot.
 */
export function updatedIntent(input: HandlerInput, query: WearQuery): Intent {
  const request = input.requestEnvelope.request as Partial<IntentRequest>;
  const known: Record<string, string | undefined> = {
    city: query.city,
    date: query.date,
    item: query.item?.said,
    purpose: query.purpose,
  };
  const slots: Record<string, Slot> = {};
  for (const [name, value] of Object.entries(known)) {
    slots[name] = { name, confirmationStatus: 'NONE', ...(value === undefined ? {} : { value }) };
  }
  return {
    name: INTENTS.wear,
    confirmationStatus:
      request.intent?.name === INTENTS.wear ? request.intent.confirmationStatus : 'NONE',
    slots,
  };
}
