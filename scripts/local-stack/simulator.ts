/**
 * The Alexa stand-in: typed utterance -> resolved request -> (refresh of an expired token through
 * the proxy) -> request envelope with the current access token -> HTTP `POST` to the skill
 * endpoint -> the answer, read as a person would. Keeps the session open when the skill asks a
 * question, as Alexa does.
 */
import type { dialog, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { elicitedSlotOf, type UtteranceMeaning } from 'alexa-skill-harness';
import { localDate } from '../../lambda/weather/index.js';
import type { AlexaAccountLink, RefreshOutcome } from './alexa-account-link.js';
import { SkillCallError } from './errors.js';
import { renderResponse, type RenderedAnswer } from './render.js';
import {
  buildRequestEnvelope,
  newSession,
  type ConsentHeard,
  type SimulatedSession,
} from './request-envelope.js';
import { callSkill } from './skill-client.js';
import type { UtteranceResolver } from './utterance-resolver.js';

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /** The skill endpoint. */
  readonly skillUrl: string;
  readonly account: AlexaAccountLink;
  /** Typed text -> what Alexa would send (utterance-resolver.ts). */
  readonly resolve: UtteranceResolver;
  /** Default `en-US`. */
  readonly locale?: string;
  /** The device's time zone, for "today". Default `UTC`. */
  readonly timeZone?: string;
  /** The real clock (request timestamps, "today"), ms. Default `Date.now`. */
  readonly now?: () => number;
  /** How long Alexa waits for the skill, ms. Default 8000. */
  readonly skillTimeoutMs?: number;
  readonly fetch?: typeof fetch;
  /** The intents the model's dialog covers: their first turn is `STARTED`. */
  readonly dialogIntents?: readonly string[];
  /** Called when the user approves the skill's voice consent question (the device grants its postal code). */
  readonly onConsentGranted?: () => void;
}

/** The answer to Amazon's consent question, from the words typed: "I approve", "yes"; "no". */
export function consentAnswerOf(said: string): ConsentHeard['answer'] {
  const words = said.trim().toLowerCase();
  if (/^(i approve|approve|yes|yeah|yep|sure|ok|okay|allow|i allow)\b/.test(words))
    return 'ACCEPTED';
  if (/^(no|nope|deny|i deny|don't|do not)\b/.test(words)) return 'DENIED';
  return 'NOT_ANSWERED';
}

/** One turn of the conversation. */
export interface Turn {
  readonly said: string;
  /** What Alexa heard: an utterance, or the answer to Amazon's consent question. */
  readonly heard: UtteranceMeaning | ConsentHeard;
  /** The refresh Alexa made before the request, if the token had expired. */
  readonly refresh: RefreshOutcome | undefined;
  /** True when the request carried an access token. */
  readonly tokenSent: boolean;
  readonly request: RequestEnvelope;
  /** The skill's response; undefined when the call failed. */
  readonly response: ResponseEnvelope | undefined;
  /** The answer; when the call failed, what Alexa says then. */
  readonly answer: RenderedAnswer;
  /** Why the call failed, if it did. */
  readonly failure: SkillCallError | undefined;
}

/** What Alexa says when a skill does not answer properly. */
export const ALEXA_SKILL_PROBLEM = "There was a problem with the requested skill's response.";

/** The simulator. */
export interface Simulator {
  /** Says `utterance` to Alexa. */
  say(utterance: string): Promise<Turn>;
  /** True while a session is open. */
  sessionOpen(): boolean;
  /** Ends the session (the next turn starts a new one). */
  endSession(): void;
}

/** Creates a simulator talking to the skill at `options.skillUrl`. */
export function createSimulator(options: SimulatorOptions): Simulator {
  const locale = options.locale ?? 'en-US';
  const now = options.now ?? Date.now;
  let session: SimulatedSession | undefined;
  /** The slot the skill asked for in its last answer, if any. */
  let elicit: dialog.ElicitSlotDirective | undefined;
  /** The consent connection the skill started in its last answer, if any. */
  let connection: { readonly token?: string } | undefined;

  const dialogState = (heard: UtteranceMeaning) => {
    if (heard.kind !== 'intent') return 'COMPLETED';
    if (elicit !== undefined && elicit.updatedIntent?.name === heard.name) return 'IN_PROGRESS';
    return (options.dialogIntents ?? []).includes(heard.name) ? 'STARTED' : 'COMPLETED';
  };

  return {
    async say(said) {
      const today = localDate(now(), options.timeZone ?? 'UTC');
      let heard: UtteranceMeaning | ConsentHeard;
      if (connection !== undefined) {
        const answer = consentAnswerOf(said);
        if (answer === 'ACCEPTED') options.onConsentGranted?.();
        heard = { kind: 'consent', answer, token: connection.token };
      } else {
        heard = options.resolve(said, today, elicitedSlotOf(elicit));
      }
      const token = await options.account.tokenForRequest();
      const current = session ?? newSession();
      const request = buildRequestEnvelope({
        utterance: heard,
        ...(heard.kind === 'consent' ? {} : { dialogState: dialogState(heard) }),
        accessToken: token.accessToken,
        locale,
        session: current,
        now: now(),
      });
      let response: ResponseEnvelope | undefined;
      let failure: SkillCallError | undefined;
      try {
        response = await callSkill(options.skillUrl, request, {
          ...(options.skillTimeoutMs === undefined ? {} : { timeoutMs: options.skillTimeoutMs }),
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        });
      } catch (error) {
        if (!(error instanceof SkillCallError)) throw error;
        failure = error;
      }
      const answer: RenderedAnswer =
        response === undefined
          ? {
              speech: ALEXA_SKILL_PROBLEM,
              reprompt: undefined,
              card: undefined,
              linkAccountNeeded: false,
              sessionOpen: false,
            }
          : renderResponse(response);
      const directives = response?.response.directives ?? [];
      elicit = directives.find(
        (d): d is dialog.ElicitSlotDirective => d.type === 'Dialog.ElicitSlot',
      );
      connection =
        answer.consentQuestion === undefined
          ? undefined
          : { ...(directives.find((d) => d.type === 'Connections.StartConnection') ?? {}) };
      session = answer.sessionOpen
        ? {
            sessionId: current.sessionId,
            isNew: false,
            attributes: response?.sessionAttributes ?? {},
          }
        : undefined;
      return {
        said,
        heard,
        refresh: token.refresh,
        tokenSent: token.accessToken !== undefined,
        request,
        response,
        answer,
        failure,
      };
    },
    sessionOpen: () => session !== undefined,
    endSession() {
      session = undefined;
      elicit = undefined;
      connection = undefined;
    },
  };
}
