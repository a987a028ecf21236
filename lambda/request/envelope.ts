/**
 * The edge check of every skill request: the envelope's shape, narrowed from `unknown` before any
 * handler reads it. Alexa only sends well-formed envelopes, so a malformed one is refused with a
 * typed error (and no speech) rather than half-handled.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { isRecord } from '../../common/json.js';

/** A request envelope of the wrong shape; `field` names the first bad part (never its value). */
export class InvalidRequestEnvelopeError extends Error {
  override readonly name = 'InvalidRequestEnvelopeError';
  readonly code = 'ERR_INVALID_REQUEST_ENVELOPE';
  constructor(readonly field: string) {
    super(`The request envelope is malformed at ${field}`);
  }
}

type Json = Record<string, unknown>;

function object(parent: Json, key: string, path: string, optional = false): Json | undefined {
  const value = parent[key];
  if (value === undefined && optional) return undefined;
  if (!isRecord(value)) throw new InvalidRequestEnvelopeError(`${path}.${key}`);
  return value;
}

function string(parent: Json, key: string, path: string, optional = false): void {
  const value = parent[key];
  if (value === undefined && optional) return;
  if (typeof value !== 'string') throw new InvalidRequestEnvelopeError(`${path}.${key}`);
}

/** Throws {@link InvalidRequestEnvelopeError} unless `event` has the shape the skill reads. */
export function assertIsRequestEnvelope(event: unknown): asserts event is RequestEnvelope {
  if (!isRecord(event)) throw new InvalidRequestEnvelopeError('envelope');
  string(event, 'version', 'envelope');
  const request = object(event, 'request', 'envelope') as Json;
  string(request, 'type', 'request');
  string(request, 'requestId', 'request');
  string(request, 'timestamp', 'request');
  string(request, 'locale', 'request', true);
  const type = request['type'];
  if (type === 'IntentRequest' || type === 'CanFulfillIntentRequest') assertIntent(request);
  if (type === 'System.ExceptionEncountered') {
    const error = object(request, 'error', 'request') as Json;
    string(error, 'type', 'request.error');
    string(error, 'message', 'request.error', true);
    string(object(request, 'cause', 'request') as Json, 'requestId', 'request.cause');
  }
  // Alexa may ask CanFulfillIntentRequest for no one in particular: without a user, or a user id.
  const anonymous = type === 'CanFulfillIntentRequest';
  const context = object(event, 'context', 'envelope') as Json;
  const system = object(context, 'System', 'context') as Json;
  string(
    object(system, 'application', 'context.System') as Json,
    'applicationId',
    'context.System.application',
  );
  const user = object(system, 'user', 'context.System', anonymous);
  if (user !== undefined) {
    string(user, 'userId', 'context.System.user', anonymous);
    string(user, 'accessToken', 'context.System.user', true);
  }
  const device = object(system, 'device', 'context.System', true);
  if (device !== undefined) string(device, 'deviceId', 'context.System.device', true);
  string(system, 'apiEndpoint', 'context.System', true);
  string(system, 'apiAccessToken', 'context.System', true);
  // AudioPlayer, PlaybackController and System requests come outside any session.
  const session = object(event, 'session', 'envelope', true);
  if (session !== undefined) {
    if (typeof session['new'] !== 'boolean') throw new InvalidRequestEnvelopeError('session.new');
    string(session, 'sessionId', 'session');
    const sessionUser = object(session, 'user', 'session', anonymous);
    if (sessionUser !== undefined) string(sessionUser, 'accessToken', 'session.user', true);
    object(session, 'attributes', 'session', true);
    object(session, 'application', 'session', true);
  }
}

/** The intent of an IntentRequest or CanFulfillIntentRequest: its name, slot values, resolutions. */
function assertIntent(request: Json): void {
  const intent = object(request, 'intent', 'request') as Json;
  string(intent, 'name', 'request.intent');
  const slots = object(intent, 'slots', 'request.intent', true);
  for (const [name, slot] of Object.entries(slots ?? {})) {
    const path = `request.intent.slots.${name}`;
    if (!isRecord(slot)) throw new InvalidRequestEnvelopeError(path);
    string(slot, 'value', path, true);
    const resolutions = object(slot, 'resolutions', path, true);
    const authorities = resolutions?.['resolutionsPerAuthority'];
    if (authorities === undefined) continue;
    if (!Array.isArray(authorities)) {
      throw new InvalidRequestEnvelopeError(`${path}.resolutions.resolutionsPerAuthority`);
    }
    authorities.forEach((authority: unknown, i) => {
      const at = `${path}.resolutions.resolutionsPerAuthority.${i}`;
      if (!isRecord(authority)) throw new InvalidRequestEnvelopeError(at);
      string(object(authority, 'status', at) as Json, 'code', `${at}.status`);
    });
  }
}
