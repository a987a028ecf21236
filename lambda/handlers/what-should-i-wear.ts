/**
 * WhatShouldIWearIntent: "what should I wear in Chicago tomorrow". Needs a linked account. Finds
 * the day (the date slot, else today), the place (the city slot, else the device's postal code
 * when the user granted it, else asks "Which city?" and keeps the day in the session), the user's
 * units, then answers from the forecast.
 */
import {
  getIntentName,
  getRequestType,
  getSlotValue,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Logger } from '../../common/logger.js';
import { adviseForecast } from '../advice/index.js';
import {
  AlexaApiError,
  AlexaNoDataError,
  AlexaPermissionError,
  type AlexaApi,
  type AlexaApiAccess,
  type AlexaCallOptions,
  type TemperatureUnit,
} from '../alexa/index.js';
import { resolveAmazonDate } from '../request/index.js';
import {
  adviceCard,
  adviceSpeech,
  dayWords,
  speakable,
  weatherErrorSpeech,
  whichCitySpeech,
  type Utterance,
} from '../speech/index.js';
import {
  isWeatherError,
  localDate,
  MAX_PLACE_NAME_LENGTH,
  type PlaceQuery,
} from '../weather/index.js';
import { answerWhenVerified, type Draft } from './draft.js';
import { INTENTS } from './intents.js';
import type { SkillDependencies } from './state.js';

export const ADDRESS_PERMISSION = 'read::alexa:device:all:address:country_and_postal_code';
const PENDING_DATE = 'pendingDate';
const MAX_DATE_SLOT_LENGTH = 32;

export function createWhatShouldIWearHandler(deps: SkillDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === INTENTS.wear,
    handle: (input) => answerWhenVerified(input, (draft) => answer(input, deps, draft)),
  };
}

/**
 * The answer, drafted while the token is verified (see `answerWhenVerified`): everything goes to
 * `draft`, and every call that may leave the process waits for the token first.
 */
async function answer(
  input: HandlerInput,
  deps: SkillDependencies,
  draft: Draft,
): Promise<Response> {
  const envelope = input.requestEnvelope;
  const locale = envelope.request.locale ?? 'en-US';
  const seed = envelope.request.requestId;
  const session = draft.session;
  const access = alexaAccess(input);
  const calls = { beforeNetwork: draft.verified };

  // Settings are optional: a failure falls back to the locale's unit and UTC, and is logged.
  const logFailure = (api: string) => (error: unknown) => {
    logAlexaApiFailure(draft.logger, api, error);
  };
  const [unit, zone] = await Promise.all([
    settled(access && deps.alexaApi.temperatureUnit(access, calls), logFailure('temperatureUnit')),
    settled(access && deps.alexaApi.timeZone(access, calls), logFailure('timeZone')),
  ]);
  const units = { temperature: unit ?? defaultUnit(locale) };

  const pending = typeof session[PENDING_DATE] === 'string' ? session[PENDING_DATE] : undefined;
  const dateValue = slot(input, 'date', MAX_DATE_SLOT_LENGTH) ?? pending;
  /** The user is asked something: the day they named stays in the session for their answer. */
  const keepDateForNextTurn = (): void => {
    if (dateValue !== undefined) draft.setSession(PENDING_DATE, dateValue);
  };
  const today = localDate(deps.now(), zone ?? 'UTC');
  let date = 'today';
  if (dateValue !== undefined) {
    const day = resolveAmazonDate(dateValue, today);
    if (day.kind === 'unsupported') {
      draft.outcome = 'unsupported-date';
      return ask(
        draft,
        {
          ssml: 'I can tell you about one day at a time, like today, tomorrow or Saturday. Which day should I check?',
          text: '',
        },
        'Which day should I check?',
      );
    }
    date = day.date;
  }

  const found = await findPlace(input, deps.alexaApi, access, calls, logFailure('postalAddress'));
  if (found.kind === 'ask') {
    keepDateForNextTurn();
    draft.outcome = 'which-city';
    const question = whichCitySpeech(date === 'today' ? 'today' : dayWords(date, today, locale));
    return ask(draft, question.speech, question.reprompt?.ssml ?? 'Which city should I check?');
  }
  if (found.kind === 'ask-permission') {
    keepDateForNextTurn();
    draft.outcome = 'ask-permission';
    draft.responseBuilder.withAskForPermissionsConsentCard([ADDRESS_PERMISSION]);
    return ask(
      draft,
      {
        ssml: "Which city should I check? To use your device's location instead, allow it with the card I sent to the Alexa app.",
        text: '',
      },
      'Which city should I check?',
    );
  }

  let forecast;
  try {
    forecast = await deps.weather.forecastDay(
      { place: found.place, date },
      { timeoutMs: deps.weatherBudgetMs ?? 2500, beforeNetwork: draft.verified },
    );
  } catch (error) {
    if (!isWeatherError(error)) throw error;
    draft.outcome = `weather:${error.code}`;
    draft.logger.warn('no forecast', {
      errorCode: error.code,
      reason: error.reason,
      provider: deps.weather.name,
    });
    const failure = weatherErrorSpeech(error, { locale, seed });
    if (failure.reprompt) {
      keepDateForNextTurn();
      return ask(draft, failure.speech, failure.reprompt.ssml);
    }
    return draft.responseBuilder
      .speak(failure.speech.ssml)
      .withShouldEndSession(true)
      .getResponse();
  }

  draft.setSession(PENDING_DATE, undefined);
  const advice = adviseForecast(forecast);
  const speech = adviceSpeech({ forecast, advice, units, seed, locale });
  const card = adviceCard({ forecast, advice, units, locale });
  draft.outcome = 'advice';
  draft.logger.debug('advice', {
    provider: forecast.provider,
    date: forecast.date,
    stale: forecast.stale,
  });
  return draft.responseBuilder
    .speak(speech.ssml)
    .withStandardCard(card.title, card.text)
    .withShouldEndSession(true)
    .getResponse();
}

/** The place to look up, or what to ask the user for. */
async function findPlace(
  input: HandlerInput,
  alexaApi: AlexaApi,
  access: AlexaApiAccess | undefined,
  calls: AlexaCallOptions,
  onFailure: (error: unknown) => void,
): Promise<{ kind: 'place'; place: PlaceQuery } | { kind: 'ask' } | { kind: 'ask-permission' }> {
  const city = slot(input, 'city', MAX_PLACE_NAME_LENGTH);
  if (city !== undefined) return { kind: 'place', place: speakable(city, MAX_PLACE_NAME_LENGTH) };
  if (access === undefined) return { kind: 'ask' };
  try {
    return { kind: 'place', place: await alexaApi.postalAddress(access, calls) };
  } catch (error) {
    if (error instanceof AlexaPermissionError) return { kind: 'ask-permission' };
    onFailure(error);
    return { kind: 'ask' };
  }
}

/**
 * Logs a failed Alexa API call: a device with no postal code at info (the user's choice), any
 * other failure at warn, with its code and reason (never the API's access token).
 */
function logAlexaApiFailure(logger: Logger, api: string, error: unknown): void {
  if (error instanceof AlexaApiError) {
    const fields = { api, errorCode: error.code, reason: error.reason };
    if (error instanceof AlexaNoDataError) logger.info('Alexa API: no data', fields);
    else logger.warn('Alexa API failed', fields);
  } else {
    logger.warn('Alexa API failed', { api, error });
  }
}

function ask(draft: Draft, speech: Utterance, reprompt: string): Response {
  return draft.responseBuilder
    .speak(speech.ssml)
    .reprompt(reprompt)
    .withShouldEndSession(false)
    .getResponse();
}

/** A slot's value, trimmed; absent when empty or longer than `max` (never trusted further). */
function slot(input: HandlerInput, name: string, max: number): string | undefined {
  let value: string | undefined;
  try {
    value = getSlotValue(input.requestEnvelope, name);
  } catch {
    return undefined;
  }
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' || trimmed.length > max ? undefined : trimmed;
}

function alexaAccess(input: HandlerInput): AlexaApiAccess | undefined {
  const system = input.requestEnvelope.context.System;
  const deviceId = system.device?.deviceId;
  if (!system.apiEndpoint || !system.apiAccessToken || !deviceId) return undefined;
  return { apiEndpoint: system.apiEndpoint, apiAccessToken: system.apiAccessToken, deviceId };
}

async function settled<T>(
  promise: Promise<T> | undefined,
  onFailure: (error: unknown) => void,
): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    onFailure(error);
    return undefined;
  }
}

function defaultUnit(locale: string): TemperatureUnit {
  return locale === 'en-US' ? 'FAHRENHEIT' : 'CELSIUS';
}
