/**
 * What one request carries between the interceptors and the handlers: the dependencies, the
 * outcome of the token check, and the outcome word for the request's log line.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Logger } from '../../common/logger.js';
import type { AlexaApi } from '../alexa/index.js';
import type { AccessTokenError, VerifiedAccessToken, VerifyAccessToken } from '../auth/index.js';
import type { WeatherProvider } from '../weather/index.js';

/** What the skill is built from (see `createSkill`). */
export interface SkillDependencies {
  /** Verifies the account-linking access token. */
  readonly verify: VerifyAccessToken;
  readonly weather: WeatherProvider;
  readonly alexaApi: AlexaApi;
  readonly logger: Logger;
  /** The clock, ms since the epoch. */
  readonly now: () => number;
  /** When set, requests for any other skill are refused before any handler runs. */
  readonly skillId?: string | undefined;
  /** Budget for all weather calls of one request, ms. Default 2500. */
  readonly weatherBudgetMs?: number;
}

/** The result of the token check, for requests that need the API. */
export type AuthState =
  | { readonly ok: true; readonly token: VerifiedAccessToken }
  | { readonly ok: false; readonly error: AccessTokenError };

export interface RequestState {
  readonly startedAt: number;
  readonly logger: Logger;
  /** The token check's result, set by the auth interceptor for the requests that need the account. */
  auth?: AuthState;
  /** One word for the log line: `advice`, `link-account`, `help`, ... (listed in logging.ts). */
  outcome: string;
}

const KEY = 'whatShouldIWear';

export function setRequestState(input: HandlerInput, state: RequestState): void {
  input.attributesManager.getRequestAttributes()[KEY] = state;
}

export function requestState(input: HandlerInput): RequestState {
  const state = input.attributesManager.getRequestAttributes()[KEY] as RequestState | undefined;
  if (state === undefined) throw new Error('The request interceptor did not run');
  return state;
}

/** The session attributes the request carried; change them with {@link setSession}. */
export function sessionOf(input: HandlerInput): Readonly<Record<string, unknown>> {
  return input.attributesManager.getSessionAttributes();
}

/** Sets a session attribute for the response (removes it, for `undefined`). */
export function setSession(input: HandlerInput, name: string, value: unknown): void {
  const session = input.attributesManager.getSessionAttributes();
  if (value === undefined) Reflect.deleteProperty(session, name);
  else session[name] = value;
  input.attributesManager.setSessionAttributes(session);
}
