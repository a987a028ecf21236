/**
 * What the user asked, and the question the skill asked back.
 *
 * The query is read once from the request: the city, the AMAZON.DATE value, the item (with its
 * entity-resolution id) and the purpose, from the intent's slots. While the skill asks a
 * question ("Which city?"), the session keeps what was known (one `question` attribute); only a
 * request that answers that question (an intent request `IN_PROGRESS`, or the
 * `SessionResumedRequest` of the voice consent) completes its query from it, so that a new
 * request after "help" starts afresh. Every value is bounded and checked again when it comes back
 * from the session: session attributes travel through the client.
 */
import { getRequestType, type HandlerInput, type ResponseBuilder } from 'ask-sdk-core';
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

/** An open question: the slot asked for, and what the user had said already. */
export interface OpenQuestion extends WearQuery {
  readonly slot: AskedSlot;
}

/** The session attribute that keeps the open question. */
export const QUESTION = 'question';

/** What the skill says to ask for each slot. */
export const QUESTION_WORDS: Readonly<Record<AskedSlot, string>> = {
  city: 'Which city should I check?',
  date: 'Which day should I check?',
};

const MAX_DATE_SLOT_LENGTH = 32;
const MAX_WORDS_LENGTH = 60;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

/** An item as the session kept it, if well formed. */
function itemFrom(value: unknown): ItemAsked | undefined {
  const kept = value as { id?: unknown; said?: unknown } | null | undefined;
  const said = bounded(kept?.said, MAX_WORDS_LENGTH);
  if (said === undefined) return undefined;
  return isItemId(kept?.id) ? { id: kept.id, said } : { said };
}

/** The open question the session keeps, if well formed. */
export function openQuestion(session: Readonly<Record<string, unknown>>): OpenQuestion | undefined {
  const kept = session[QUESTION] as Record<string, unknown> | null | undefined;
  const slot = kept?.['slot'];
  if (kept === undefined || kept === null || (slot !== 'city' && slot !== 'date')) {
    return undefined;
  }
  const question: Mutable<OpenQuestion> = { slot };
  const city = bounded(kept['city'], MAX_PLACE_NAME_LENGTH);
  if (city !== undefined) question.city = city;
  const date = bounded(kept['date'], MAX_DATE_SLOT_LENGTH);
  if (date !== undefined) question.date = date;
  const item = itemFrom(kept['item']);
  if (item !== undefined) question.item = item;
  const purpose = bounded(kept['purpose'], MAX_WORDS_LENGTH);
  if (purpose !== undefined) question.purpose = purpose;
  return question;
}

/**
 * True for a request that answers the skill's question: an intent request Alexa sends
 * `IN_PROGRESS` (the answer to a `Dialog.ElicitSlot`), or the resumed session of a connection.
 */
export function answersQuestion(input: HandlerInput): boolean {
  const request = input.requestEnvelope.request;
  return (
    (request.type === 'IntentRequest' && request.dialogState === 'IN_PROGRESS') ||
    getRequestType(input.requestEnvelope) === 'SessionResumedRequest'
  );
}

/** The item asked about: the slot's, with its id; the kept one when the words are the same. */
function itemOf(slot: Slot | undefined, kept: ItemAsked | undefined): ItemAsked | undefined {
  const said = bounded(slot?.value, MAX_WORDS_LENGTH);
  if (said === undefined) return kept;
  const id = resolvedId(slot);
  if (isItemId(id)) return { id, said };
  // Alexa returns the slots of an elicited intent as the skill sent them, without resolutions.
  return kept?.said.toLowerCase() === said.toLowerCase() ? kept : { said };
}

/**
 * The query of the request: its intent's slots, completed by the open question when the request
 * answers it.
 */
export function readQuery(
  input: HandlerInput,
  session: Readonly<Record<string, unknown>>,
): WearQuery {
  const kept = answersQuestion(input) ? openQuestion(session) : undefined;
  const query: Mutable<WearQuery> = {};
  const city = bounded(slotOf(input, 'city')?.value, MAX_PLACE_NAME_LENGTH) ?? kept?.city;
  if (city !== undefined) query.city = city;
  const date = bounded(slotOf(input, 'date')?.value, MAX_DATE_SLOT_LENGTH) ?? kept?.date;
  if (date !== undefined) query.date = date;
  const item = itemOf(slotOf(input, 'item'), kept?.item);
  if (item !== undefined) query.item = item;
  const purpose = bounded(slotOf(input, 'purpose')?.value, MAX_WORDS_LENGTH) ?? kept?.purpose;
  if (purpose !== undefined) query.purpose = purpose;
  return query;
}

/** `query` without `slot`: what is known when the skill asks for that slot. */
export function without(query: WearQuery, slot: AskedSlot): WearQuery {
  const { city, date, ...rest } = query;
  if (slot === 'city') return date === undefined ? rest : { ...rest, date };
  return city === undefined ? rest : { ...rest, city };
}

/** The session value of a question for `slot`, knowing `query`. */
export function questionOf(query: WearQuery, slot: AskedSlot): OpenQuestion {
  return { ...without(query, slot), slot };
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
    slots[name] =
      value === undefined
        ? { name, confirmationStatus: 'NONE' }
        : { name, value, confirmationStatus: 'NONE' };
  }
  return {
    name: INTENTS.wear,
    confirmationStatus:
      request.intent?.name === INTENTS.wear ? request.intent.confirmationStatus : 'NONE',
    slots,
  };
}

/**
 * Asks `question` again with `Dialog.ElicitSlot` on `builder` (a reply to Help or to the fallback
 * while the question is open), the session open: the question is never dropped.
 */
export function askAgain(
  input: HandlerInput,
  builder: ResponseBuilder,
  question: OpenQuestion,
): ResponseBuilder {
  return builder
    .addElicitSlotDirective(question.slot, updatedIntent(input, question))
    .withShouldEndSession(false);
}
