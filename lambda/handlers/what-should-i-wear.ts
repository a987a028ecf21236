/**
 * WhatShouldIWearIntent: "what should I wear in Chicago tomorrow", "do I need an umbrella this
 * weekend". Needs a linked account. Finds the days (the date slot, judged in the named city's
 * own time zone), the place (the city slot, else the device's postal code when the user granted
 * it, asked for by voice once, else "Which city?"), the user's units, then answers from the
 * forecast: the item asked about first, then what to wear.
 *
 * Every question it asks ("Which city?", "Which day?") is a `Dialog.ElicitSlot` carrying what is
 * already known, so that Alexa routes a bare answer ("Boston", "Saturday") back to the intent;
 * the session keeps the day and the item too. The answer to the voice consent question comes
 * back as a `SessionResumedRequest` (see {@link createConsentAnswerHandler}).
 */
import {
  getIntentName,
  getRequestType,
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
import { resolveAmazonDate, type AmazonDateResolution } from '../request/index.js';
import {
  adviceCard,
  answerSpeech,
  beyondHorizonSpeech,
  dayWords,
  speakable,
  twoDayCard,
  utterance,
  weatherErrorSpeech,
  whichCitySpeech,
  type Utterance,
} from '../speech/index.js';
import {
  DateOutOfRangeError,
  isWeatherError,
  localDate,
  type DayForecast,
  type PlaceQuery,
  type WeatherError,
} from '../weather/index.js';
import {
  ADDRESS_PERMISSION,
  ASKED_BY_VOICE,
  askForAddressByVoice,
  consentAnswer,
  isConsentAnswer,
  type ConsentAnswer,
} from './address-consent.js';
import { answerWhenVerified, type Draft } from './draft.js';
import { INTENTS } from './intents.js';
import type { SkillDependencies } from './state.js';
import {
  pendingOf,
  readQuery,
  updatedIntent,
  type AskedSlot,
  type WearQuery,
} from './wear-query.js';

export { ADDRESS_PERMISSION } from './address-consent.js';

const WHICH_DAY = 'Which day should I check?';
const ONE_DAY_AT_A_TIME =
  'I can tell you what to wear for a day or a weekend in the next two weeks, like today, tomorrow or Saturday.';

export function createWhatShouldIWearHandler(deps: SkillDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === INTENTS.wear,
    handle: (input) =>
      answerWhenVerified(input, (draft) =>
        answer(input, deps, draft, readQuery(input, draft.session)),
      ),
  };
}

/**
 * The answer to the skill's voice consent question (a `SessionResumedRequest`): granted, the
 * question the user asked is answered from the device's postal code; refused or unanswered, the
 * skill asks for a city, with the consent card.
 */
export function createConsentAnswerHandler(deps: SkillDependencies): RequestHandler {
  return {
    canHandle: isConsentAnswer,
    handle: (input) =>
      answerWhenVerified(input, (draft) =>
        answer(input, deps, draft, readQuery(input, draft.session), consentAnswer(input)),
      ),
  };
}

/** How the request went on: a place, or a question to ask, or the consent to ask for. */
type PlaceFound =
  | { readonly kind: 'place'; readonly place: PlaceQuery }
  | { readonly kind: 'ask' }
  | { readonly kind: 'ask-permission' };

/**
 * The answer, drafted while the token is verified (see `answerWhenVerified`): everything goes to
 * `draft`, and every call that may leave the process waits for the token first. `consent` is
 * the user's answer to the voice consent question, on the request that brings it back.
 */
async function answer(
  input: HandlerInput,
  deps: SkillDependencies,
  draft: Draft,
  query: WearQuery,
  consent?: ConsentAnswer,
): Promise<Response> {
  const envelope = input.requestEnvelope;
  const locale = envelope.request.locale ?? 'en-US';
  const seed = envelope.request.requestId;
  const access = alexaAccess(input);
  const calls = { beforeNetwork: draft.verified };
  const ask = (slot: AskedSlot, speech: Utterance, reprompt: string, outcome: string) =>
    askFor(input, draft, { query, slot, speech, reprompt, outcome });

  // Settings are optional: a failure falls back to the locale's unit and UTC, and is logged.
  const logFailure = (api: string) => (error: unknown) => {
    logAlexaApiFailure(draft.logger, api, error);
  };
  const [unit, zone] = await Promise.all([
    settled(access && deps.alexaApi.temperatureUnit(access, calls), logFailure('temperatureUnit')),
    settled(access && deps.alexaApi.timeZone(access, calls), logFailure('timeZone')),
  ]);
  const units = { temperature: unit ?? defaultUnit(locale) };
  const usersToday = localDate(deps.now(), zone ?? 'UTC');

  const when = resolveAmazonDate(query.date, usersToday, {
    hemisphere: locale === 'en-AU' ? 'south' : 'north',
  });
  if (when.kind === 'unsupported') {
    return ask(
      'date',
      utterance(`${ONE_DAY_AT_A_TIME} ${WHICH_DAY}`),
      WHICH_DAY,
      'unsupported-date',
    );
  }
  if (when.kind === 'past') {
    return ask(
      'date',
      utterance(`That ${when.period} is already over. ${ONE_DAY_AT_A_TIME} ${WHICH_DAY}`),
      WHICH_DAY,
      'past-period',
    );
  }
  const days = when.kind === 'weekend' ? when.days : [when.date];

  const found = await findPlace(input, deps.alexaApi, access, calls, logFailure('postalAddress'));
  if (
    found.kind === 'ask-permission' &&
    consent === undefined &&
    draft.session[ASKED_BY_VOICE] !== true
  ) {
    for (const [name, value] of Object.entries(pendingOf(query))) draft.setSession(name, value);
    draft.setSession(ASKED_BY_VOICE, true);
    draft.outcome = 'ask-permission';
    askForAddressByVoice(draft.responseBuilder);
    return draft.responseBuilder
      .speak("To check the weather where you are, I need your device's postal code.")
      .getResponse();
  }
  if (found.kind !== 'place') {
    if (found.kind === 'ask-permission') {
      draft.responseBuilder.withAskForPermissionsConsentCard([ADDRESS_PERMISSION]);
      const speech = utterance(
        "Which city should I check? To use your device's location instead, allow it with the card I sent to the Alexa app.",
      );
      return ask('city', speech, 'Which city should I check?', 'which-city');
    }
    const [first] = days;
    const question = whichCitySpeech(
      first === usersToday ? 'today' : dayWords(first, usersToday, locale),
    );
    return ask('city', question.speech, 'Which city should I check?', 'which-city');
  }

  const budget = deps.weatherBudgetMs ?? 2500;
  const settledDays = await Promise.all(
    days.map((day) =>
      deps.weather
        .forecastDay(
          // The user's today is the city's today: "today in Paris", asked in the evening in Los
          // Angeles, is Paris's today, which may be the user's tomorrow.
          { place: found.place, date: day === usersToday ? 'today' : day },
          { timeoutMs: budget, beforeNetwork: draft.verified },
        )
        .then(
          (forecast) => ({ forecast }),
          (error: unknown) => {
            if (!isWeatherError(error)) throw error;
            return { error };
          },
        ),
    ),
  );
  const forecasts = settledDays.flatMap((d) => ('forecast' in d ? [d.forecast] : []));
  const [firstError] = settledDays.flatMap((d) => ('error' in d ? [d.error] : []));
  const [first, second] = forecasts;
  if (first === undefined) {
    if (firstError === undefined) throw new Error('No forecast and no error');
    return weatherFailure(input, draft, { query, when, error: firstError, locale, seed });
  }

  for (const [name] of Object.entries(pendingOf(query))) draft.setSession(name, undefined);
  const answered = (forecast: DayForecast) => ({ forecast, advice: adviseForecast(forecast) });
  const answeredDays =
    second === undefined
      ? ([answered(first)] as const)
      : ([answered(first), answered(second)] as const);
  const speech = answerSpeech({
    days: answeredDays,
    units,
    seed,
    locale,
    ...(query.item === undefined ? {} : { item: query.item }),
    ...(days.length === 1 && days[0] === usersToday ? { usersToday } : {}),
  });
  const cards = answeredDays.map((d) => ({
    forecast: d.forecast,
    advice: d.advice,
    units,
    locale,
  }));
  const [firstCard, secondCard] = cards;
  const card =
    firstCard === undefined
      ? undefined
      : secondCard === undefined
        ? adviceCard(firstCard)
        : twoDayCard(firstCard, secondCard);
  draft.outcome = query.item === undefined ? 'advice' : 'item-advice';
  draft.logger.debug('advice', {
    provider: first.provider,
    dates: forecasts.map((f) => f.date),
    stale: forecasts.some((f) => f.stale),
  });
  if (card !== undefined) draft.responseBuilder.withStandardCard(card.title, card.text);
  return draft.responseBuilder.speak(speech.ssml).withShouldEndSession(true).getResponse();
}

/** What to say when no forecast could be had: a period beyond the forecast asks for a day. */
function weatherFailure(
  input: HandlerInput,
  draft: Draft,
  context: {
    readonly query: WearQuery;
    readonly when: AmazonDateResolution;
    readonly error: WeatherError;
    readonly locale: string;
    readonly seed: string;
  },
): Response {
  const { query, when, error, locale, seed } = context;
  draft.outcome = `weather:${error.code}`;
  draft.logger.warn('no forecast', { errorCode: error.code, reason: error.reason });
  const laterPeriod = when.kind === 'day' && when.period?.started === false;
  if (error instanceof DateOutOfRangeError && error.reason === 'beyond-horizon' && laterPeriod) {
    const horizon = beyondHorizonSpeech(error.lastDate, error.today, { locale }).speech.text;
    const speech = utterance(
      `${horizon.replace(/ Ask me again closer to the day\.$/, '')} ${WHICH_DAY}`,
    );
    return askFor(input, draft, {
      query,
      slot: 'date',
      speech,
      reprompt: WHICH_DAY,
      outcome: draft.outcome,
    });
  }
  const failure = weatherErrorSpeech(error, { locale, seed });
  if (failure.reprompt) {
    return askFor(input, draft, {
      query,
      slot: 'city',
      speech: failure.speech,
      reprompt: failure.reprompt.ssml,
      outcome: draft.outcome,
    });
  }
  return draft.responseBuilder.speak(failure.speech.ssml).withShouldEndSession(true).getResponse();
}

/**
 * Asks for `slot` with `Dialog.ElicitSlot`, the session open: the intent sent along keeps what
 * is known (never the slot asked for), and the session keeps the day and the item.
 */
function askFor(
  input: HandlerInput,
  draft: Draft,
  question: {
    readonly query: WearQuery;
    readonly slot: AskedSlot;
    readonly speech: Utterance;
    readonly reprompt: string;
    readonly outcome: string;
  },
): Response {
  const known: WearQuery = { ...question.query, [question.slot]: undefined };
  for (const [name, value] of Object.entries(pendingOf(known))) draft.setSession(name, value);
  draft.outcome = question.outcome;
  return draft.responseBuilder
    .speak(question.speech.ssml)
    .reprompt(question.reprompt)
    .addElicitSlotDirective(question.slot, updatedIntent(input, known))
    .withShouldEndSession(false)
    .getResponse();
}

/** The place to look up, or what to ask the user for. */
async function findPlace(
  input: HandlerInput,
  alexaApi: AlexaApi,
  access: AlexaApiAccess | undefined,
  calls: AlexaCallOptions,
  onFailure: (error: unknown) => void,
): Promise<PlaceFound> {
  const query = readQuery(input, {});
  if (query.city !== undefined) return { kind: 'place', place: speakable(query.city) };
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
