/**
 * The request envelope Alexa would send for a resolved utterance: session, context (application,
 * user with the account-linking access token in both places Alexa puts it, device, Alexa API
 * endpoint), and the request itself.
 */
import { randomUUID } from 'node:crypto';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { SlotInput, UtteranceMeaning } from 'alexa-skill-harness';

/** The simulated skill, user and device ids. */
export const SIMULATED_IDS = {
  skillId: 'amzn1.ask.skill.10ca1000-0000-4000-8000-000000000000',
  userId: 'amzn1.ask.account.LOCALSIMULATOR',
  deviceId: 'amzn1.ask.device.LOCALSIMULATOR',
} as const;

/** The conversation so far. */
export interface SimulatedSession {
  readonly sessionId: string;
  /** True for the first request of the session. */
  readonly isNew: boolean;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** The user's answer to Amazon's voice consent skill, which resumes the session. */
export interface ConsentHeard {
  readonly kind: 'consent';
  readonly answer: 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED';
  /** The token the skill sent with its `Connections.StartConnection`. */
  readonly token: string | undefined;
}

/** What goes into one envelope. */
export interface EnvelopeInput {
  readonly utterance: UtteranceMeaning | ConsentHeard | { readonly kind: 'session-ended' };
  /** An intent request's dialog state. Default `COMPLETED`. */
  readonly dialogState?: 'STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  readonly accessToken: string | undefined;
  readonly locale: string;
  readonly session: SimulatedSession;
  /** The request's instant, ms since the epoch. */
  readonly now: number;
}

/** A new session. */
export function newSession(): SimulatedSession {
  return { sessionId: `amzn1.echo-api.session.${randomUUID()}`, isNew: true, attributes: {} };
}

/** A slot as Alexa sends it: an empty slot has no `value`. */
function slotOf(name: string, input: SlotInput) {
  return {
    name,
    confirmationStatus: input.confirmationStatus ?? 'NONE',
    ...(input.value === undefined ? {} : { value: input.value }),
    ...(input.resolutions === undefined ? {} : { resolutions: input.resolutions }),
  };
}

/** Builds the envelope. */
export function buildRequestEnvelope(input: EnvelopeInput): RequestEnvelope {
  const { skillId, userId, deviceId } = SIMULATED_IDS;
  const user = {
    userId,
    ...(input.accessToken === undefined ? {} : { accessToken: input.accessToken }),
  };
  const common = {
    requestId: `amzn1.echo-api.request.${randomUUID()}`,
    timestamp: new Date(input.now).toISOString(),
    locale: input.locale,
  };
  const u = input.utterance;
  const request =
    u.kind === 'launch'
      ? { type: 'LaunchRequest', ...common }
      : u.kind === 'session-ended'
        ? { type: 'SessionEndedRequest', ...common, reason: 'USER_INITIATED' }
        : u.kind === 'consent'
          ? {
              type: 'SessionResumedRequest',
              ...common,
              cause: {
                type: 'ConnectionCompleted',
                ...(u.token === undefined ? {} : { token: u.token }),
                status: { code: '200', message: 'OK' },
                result: { status: u.answer },
              },
            }
          : {
              type: 'IntentRequest',
              ...common,
              dialogState: input.dialogState ?? 'COMPLETED',
              intent: {
                name: u.name,
                confirmationStatus: 'NONE',
                slots: Object.fromEntries(
                  Object.entries(u.slots).map(([name, input]) => [name, slotOf(name, input)]),
                ),
              },
            };
  return {
    version: '1.0',
    session: {
      new: input.session.isNew,
      sessionId: input.session.sessionId,
      application: { applicationId: skillId },
      attributes: { ...input.session.attributes },
      user,
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user,
        device: { deviceId, supportedInterfaces: {} },
        // The skill's Alexa API calls are answered in process (device-settings.ts): never fetched.
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'local-simulator-api-access-token',
      },
    },
    request,
  } as RequestEnvelope;
}
