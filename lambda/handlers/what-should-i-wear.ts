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
  type TemperatureUnit,
} from '../alexa/index.js';
import { resolveAmazonDate, type AmazonDateResolution } from '../request/index.js';
import {
  adviceCard,
  answerSpeech,
  forecastReachText,
  dayWords,
  speakable,
  styleOf,
  twoDayCard,
  unknownItemText,
  utterance,
  weatherErrorSpeech,
  weekdayName,
  whichCitySpeech,
  type Utterance,
} from '../speech/index.js';
import {
  DateOutOfRangeError,
  daysBetween,
  isWeatherError,
  localDate,
  type DayForecast,
  type ForecastCallOptions,
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
import { refuseWithoutAccount } from './account-linking.js';
import { INTENTS } from './intents.js';
import { requestState, sessionOf, setSession, type SkillDependencies } from './state.js';
import {
  answersQuestion,
  QUESTION,
  QUESTION_WORDS,
  questionOf,
  readQuery,
  updatedIntent,
  without,
  type AskedSlot,
  type WearQuery,
} from './wear-query.js';

export { ADDRESS_PERMISSION } from './address-consent.js';

const ONE_DAY_AT_A_TIME =
  'I can tell you what to wear for a day or a weekend in the next two weeks, like today, tomorrow or Saturday.';

export function createWhatShouldIWearHandler(deps: SkillDependencies): RequestHandler {
  return {
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === INTENTS.wear,
    handle: (input) =>
      refuseWithoutAccount(input) ?? answer(input, deps, readQuery(input, sessionOf(input))),
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
      refuseWithoutAccount(input) ??
      answer(input, deps, readQuery(input, sessionOf(input)), consentAnswer(input)),
  };
}

/** How the request went on: a place, or a question to ask, or the consent to ask for. */
type PlaceFound =
  | { readonly kind: 'place'; readonly place: PlaceQuery }
  | { readonly kind: 'ask' }
  | { readonly kind: 'ask-permission' };

/**
 * The answer, for a request whose token passed. `consent` is the user's answer to the voice
 * consent question, on the request that brings it back.
 */
async function answer(
  input: HandlerInput,
  deps: SkillDependencies,
  query: WearQuery,
  consent?: ConsentAnswer,
): Promise<Response> {
  const envelope = input.requestEnvelope;
  const locale = envelope.request.locale ?? 'en-US';
  const seed = envelope.request.requestId;
  const access = alexaAccess(input);
  const state = requestState(input);
  const caveat = unknownItemCaveat(input, query);
  const ask = (slot: AskedSlot, speech: string, outcome: string) =>
    askFor(input, { query, slot, speech: utterance(`${caveat(slot)}${speech}`), outcome });

  // Settings are optional: a failure falls back to the locale's unit and UTC, and is logged.
  // A named city is looked up while Settings answer: the day needs the time zone, the place not.
  const weatherOptions = { timeoutMs: deps.weatherBudgetMs ?? 2500 };
  if (query.city !== undefined) {
    void deps.weather.preparePlace?.(speakable(query.city), weatherOptions);
  }
  const [unit, zone] = await Promise.all([
    settled(access && deps.alexaApi.temperatureUnit(access), state.logger, 'temperatureUnit'),
    settled(access && deps.alexaApi.timeZone(access), state.logger, 'timeZone'),
  ]);
  const units = { temperature: unit ?? defaultUnit(locale) };
  const usersToday = localDate(deps.now(), zone ?? 'UTC');

  const when = resolveAmazonDate(query.date, usersToday, {
    hemisphere: locale === 'en-AU' ? 'south' : 'north',
  });
  if (when.kind === 'unsupported') {
    return ask('date', `${ONE_DAY_AT_A_TIME} ${QUESTION_WORDS.date}`, 'unsupported-date');
  }
  if (when.kind === 'past') {
    const period = periodName(when.period, locale);
    return ask(
      'date',
      `That ${period} is already over. ${ONE_DAY_AT_A_TIME} ${QUESTION_WORDS.date}`,
      'past-period',
    );
  }
  const days = when.kind === 'weekend' ? when.days : [when.date];

  // A named city needs no call: only the device's address is awaited.
  const found =
    query.city !== undefined
      ? placeNamed(query.city)
      : await findPlace(deps.alexaApi, access, state.logger);
  if (found.kind === 'ask-permission') {
    if (consent === undefined && sessionOf(input)[ASKED_BY_VOICE] !== true) {
      // Asked once a session, by voice; the answer comes back as a SessionResumedRequest.
      setSession(input, QUESTION, questionOf(query, 'city'));
      setSession(input, ASKED_BY_VOICE, true);
      state.outcome = 'ask-permission';
      askForAddressByVoice(input.responseBuilder);
      return input.responseBuilder
        .speak(
          utterance(
            `${caveat('city')}To check the weather where you are, ` +
              "I need your device's postal code.",
          ).ssml,
        )
        .getResponse();
    }
    if (consent === 'ACCEPTED') {
      // Approved by voice, yet the API still refuses (the grant not there yet): no card again.
      state.logger.info('address still refused after the user approved', { consent });
      return ask(
        'city',
        `I still can't read your device's postal code. ${QUESTION_WORDS.city}`,
        'which-city-after-consent',
      );
    }
    // Refused or unanswered by voice, or already asked by voice: the card is the way back.
    input.responseBuilder.withAskForPermissionsConsentCard([ADDRESS_PERMISSION]);
    return ask(
      'city',
      `${QUESTION_WORDS.city} To use your device's location instead, allow it with the card I sent to the Alexa app.`,
      'which-city',
    );
  }
  if (found.kind === 'ask') {
    const [first] = days;
    const question = whichCitySpeech(
      first === usersToday ? 'today' : dayWords(first, usersToday, locale),
    );
    return ask('city', question.speech.text, 'which-city');
  }

  const fetched = await forecastDays(
    deps,
    found.place,
    when,
    usersToday,
    zone === undefined,
    weatherOptions,
  );
  const { forecasts } = fetched;
  const [first, second] = forecasts;
  if (first === undefined) {
    return weatherFailure(input, { query, when, error: fetched.error, locale, seed, caveat });
  }

  if (sessionOf(input)[QUESTION] !== undefined) setSession(input, QUESTION, undefined);
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
    item: query.item,
    usersToday:
      fetched.shiftedFrom ??
      (zone !== undefined && when.kind === 'day' ? aheadOfUser(first, usersToday) : undefined),
    lead: leadOf(when, first, fetched, locale),
  });
  const cardOf = (d: (typeof answeredDays)[number]) => ({
    forecast: d.forecast,
    advice: d.advice,
    units,
    locale,
  });
  const [firstDay, secondDay] = answeredDays;
  const card =
    secondDay === undefined
      ? adviceCard(cardOf(firstDay))
      : twoDayCard(cardOf(firstDay), cardOf(secondDay));
  state.outcome = query.item === undefined ? 'advice' : 'item-advice';
  state.logger.debug('advice', {
    provider: first.provider,
    dates: forecasts.map((f) => f.date),
    stale: forecasts.some((f) => f.stale),
  });
  input.responseBuilder.withStandardCard(card.title, card.text);
  return input.responseBuilder.speak(speech.ssml).withShouldEndSession(true).getResponse();
}

/** A period's name as the locale says it: autumn outside the US and Canada. */
function periodName(period: string, locale: string): string {
  return period === 'fall' && styleOf(locale) === 'commonwealth' ? 'autumn' : period;
}

/**
 * What to say before the advice: which day of a longer period is answered ("That month starts
 * on January 1st."), or that a day of a weekend cannot be ("Sunday is beyond the forecast.").
 */
function leadOf(
  when: AmazonDateResolution,
  first: DayForecast,
  fetched: ForecastDays,
  locale: string,
): string | undefined {
  if (when.kind === 'day' && when.period?.started === false) {
    const period = periodName(when.period.name, locale);
    return `That ${period} starts ${dayWords(first.date, first.today, locale)}.`;
  }
  const missing = fetched.error;
  if (when.kind !== 'weekend' || !(missing instanceof DateOutOfRangeError)) return undefined;
  const day = weekdayName(missing.date);
  return missing.reason === 'past'
    ? `${day} is already over in ${speakable(missing.placeName)}.`
    : `${day} is beyond the forecast.`;
}

/** What owns up to an unknown item before a question about `slot` ('' when none is due). */
type ItemCaveat = (slot: AskedSlot) => string;

/**
 * An item Alexa could not resolve is owned up to before the skill's first question, then again
 * in the answer; a request that answers a question does not say it again.
 */
function unknownItemCaveat(input: HandlerInput, query: WearQuery): ItemCaveat {
  const said = query.item?.id === undefined ? query.item?.said : undefined;
  if (said === undefined || answersQuestion(input)) return () => '';
  return (slot) => `${unknownItemText(said, slot === 'city' ? 'place-question' : 'day-question')} `;
}

/** What no forecast calls for: a period or weekend out of reach asks for a day. */
function weatherFailure(
  input: HandlerInput,
  context: {
    readonly query: WearQuery;
    readonly when: AmazonDateResolution;
    readonly error: WeatherError | undefined;
    readonly locale: string;
    readonly seed: string;
    readonly caveat: ItemCaveat;
  },
): Response {
  const { query, when, error, locale, seed, caveat } = context;
  if (error === undefined) throw new Error('No forecast and no error');
  const state = requestState(input);
  const outcome = `weather:${error.code}`;
  state.outcome = outcome;
  state.logger.warn('no forecast', { errorCode: error.code, reason: error.reason });
  const ask = (speech: string) =>
    askFor(input, {
      query,
      slot: 'date',
      speech: utterance(`${caveat('date')}${speech}`),
      outcome,
    });
  if (error instanceof DateOutOfRangeError) {
    if (when.kind === 'weekend' && error.reason === 'past') {
      const place = speakable(error.placeName);
      return ask(
        `That weekend is already over in ${place}. ${ONE_DAY_AT_A_TIME} ${QUESTION_WORDS.date}`,
      );
    }
    const laterPeriod =
      when.kind === 'weekend' || (when.kind === 'day' && when.period?.started === false);
    if (error.reason === 'beyond-horizon' && laterPeriod) {
      return ask(
        `${forecastReachText(error.lastDate, error.today, locale)} ${QUESTION_WORDS.date}`,
      );
    }
  }
  const failure = weatherErrorSpeech(error, { locale, seed });
  if (failure.reprompt) {
    const lead = utterance(caveat('city'));
    const speech = {
      ssml: `${lead.ssml}${failure.speech.ssml}`,
      text: `${lead.text}${failure.speech.text}`,
    };
    return askFor(input, { query, slot: 'city', speech, outcome });
  }
  return input.responseBuilder.speak(failure.speech.ssml).withShouldEndSession(true).getResponse();
}

/**
 * Asks for `slot` with `Dialog.ElicitSlot`, the session open: the intent sent along keeps what
 * is known (never the slot asked for), and the session keeps the question.
 */
function askFor(
  input: HandlerInput,
  question: {
    readonly query: WearQuery;
    readonly slot: AskedSlot;
    readonly speech: Utterance;
    readonly outcome: string;
  },
): Response {
  const { query, slot } = question;
  setSession(input, QUESTION, questionOf(query, slot));
  requestState(input).outcome = question.outcome;
  return input.responseBuilder
    .speak(question.speech.ssml)
    .reprompt(QUESTION_WORDS[slot])
    .addElicitSlotDirective(slot, updatedIntent(input, without(query, slot)))
    .withShouldEndSession(false)
    .getResponse();
}

/** The forecasts of the days asked for, and what became of the others. */
interface ForecastDays {
  readonly forecasts: DayForecast[];
  /** The first error of a day that has no forecast. */
  readonly error?: WeatherError;
  /** The user's date when the answer is for the city's today instead (already past there). */
  readonly shiftedFrom?: string;
}

/**
 * The forecasts of the days asked for, a weekend's two at once. A single day that is the user's
 * today (or, the user's zone unknown, yesterday in UTC) but already past in the city, where it is
 * the next day, is answered for the city's today: "today in Paris", asked in the evening in Los
 * Angeles.
 */
async function forecastDays(
  deps: SkillDependencies,
  place: PlaceQuery,
  when: Exclude<AmazonDateResolution, { kind: 'unsupported' } | { kind: 'past' }>,
  usersToday: string,
  zoneUnknown: boolean,
  options: ForecastCallOptions,
): Promise<ForecastDays> {
  // A weather error is a result here (the answer says it); anything else still rejects.
  const one = (date: string): Promise<DayForecast | WeatherError> =>
    deps.weather.forecastDay({ place, date }, options).catch(weatherErrorAsResult);
  if (when.kind === 'day') {
    const result = await one(when.date);
    if (!isWeatherError(result)) return { forecasts: [result] };
    const cityIsAhead =
      result instanceof DateOutOfRangeError &&
      result.reason === 'past' &&
      daysBetween(when.date, result.today) === 1 &&
      (when.date === usersToday || (zoneUnknown && daysBetween(when.date, usersToday) <= 1));
    if (!cityIsAhead) return { forecasts: [], error: result };
    const today = await one('today');
    return isWeatherError(today)
      ? { forecasts: [], error: today }
      : { forecasts: [today], shiftedFrom: when.date };
  }
  const results = await Promise.all(when.days.map(one));
  const forecasts: DayForecast[] = [];
  let error: WeatherError | undefined;
  for (const result of results) {
    if (isWeatherError(result)) error ??= result;
    else forecasts.push(result);
  }
  return error === undefined ? { forecasts } : { forecasts, error };
}

/**
 * The user's today, when the city is already on a later day and the answer's "today" or
 * "tomorrow" counts from the city's: "tomorrow in Oslo", asked in the evening in Chicago, is
 * Oslo's today, and the answer first says "It's already Thursday in Oslo.".
 */
function aheadOfUser(forecast: DayForecast, usersToday: string): string | undefined {
  const cityToday = forecast.today;
  return cityToday > usersToday && daysBetween(cityToday, forecast.date) <= 1
    ? usersToday
    : undefined;
}

/** The city the user named, as the place to look up. */
function placeNamed(city: string): PlaceFound {
  return { kind: 'place', place: speakable(city) };
}

/** Without a named city: the device's postal code, or what to ask the user for. */
async function findPlace(
  alexaApi: AlexaApi,
  access: AlexaApiAccess | undefined,
  logger: Logger,
): Promise<PlaceFound> {
  if (access === undefined) return { kind: 'ask' };
  try {
    return { kind: 'place', place: await alexaApi.postalAddress(access) };
  } catch (error) {
    if (error instanceof AlexaPermissionError) return { kind: 'ask-permission' };
    logAlexaApiFailure(logger, 'postalAddress', error);
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
  const userId = system.user.userId;
  if (!system.apiEndpoint || !system.apiAccessToken || !deviceId || !userId) return undefined;
  return {
    apiEndpoint: system.apiEndpoint,
    apiAccessToken: system.apiAccessToken,
    deviceId,
    userId,
  };
}

/** What an optional Alexa API call answered, or undefined when it failed (logged as `api`). */
async function settled<T>(
  promise: Promise<T> | undefined,
  logger: Logger,
  api: string,
): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    logAlexaApiFailure(logger, api, error);
    return undefined;
  }
}

function weatherErrorAsResult(error: unknown): WeatherError {
  if (!isWeatherError(error)) throw error;
  return error;
}

function defaultUnit(locale: string): TemperatureUnit {
  return locale === 'en-US' ? 'FAHRENHEIT' : 'CELSIUS';
}
