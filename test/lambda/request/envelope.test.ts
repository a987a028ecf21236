/**
 * The edge check of every request envelope (`lambda/request/envelope.ts`): each part the skill
 * reads, made wrong one at a time, names itself in the error's `field`; each optional part may be
 * absent. Envelopes come from the harness, which builds them as Alexa sends them.
 */
import { expect } from 'chai';
import {
  assertIsRequestEnvelope,
  InvalidRequestEnvelopeError,
} from '../../../lambda/request/index.js';
import { entityResolution } from 'alexa-skill-harness';
import { intentRequest, launchRequest } from '../../harness/requests.js';

type Json = Record<string, unknown>;

/** A deep copy of `envelope` with `path` (dot-separated) set to `value`, or removed for undefined. */
function withPath(envelope: unknown, path: string, value: unknown): unknown {
  // Through JSON, as Alexa's envelope arrives: no part shared by two paths.
  const copy = JSON.parse(JSON.stringify(envelope)) as Json;
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node: Json = copy;
  for (const key of keys) node = node[key] as Json;
  if (value === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    delete node[last];
  } else node[last] = value;
  return copy;
}

function fieldOf(envelope: unknown): string | undefined {
  try {
    assertIsRequestEnvelope(envelope);
    return undefined;
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidRequestEnvelopeError);
    expect((error as InvalidRequestEnvelopeError).code).to.equal('ERR_INVALID_REQUEST_ENVELOPE');
    return (error as InvalidRequestEnvelopeError).field;
  }
}

const INTENT = intentRequest('WhatShouldIWearIntent', {
  city: { value: 'Paris', resolutions: entityResolution('AMAZON.City', { name: 'Paris' }) },
  date: undefined,
});
const LAUNCH = launchRequest();
const CAN_FULFILL = withPath(
  withPath(INTENT, 'request.type', 'CanFulfillIntentRequest'),
  'session',
  undefined,
);
const EXCEPTION = withPath(
  withPath(LAUNCH, 'request.type', 'System.ExceptionEncountered'),
  'request',
  {
    type: 'System.ExceptionEncountered',
    requestId: 'r',
    timestamp: '2026-12-02T10:00:00Z',
    locale: 'en-US',
    error: { type: 'INVALID_RESPONSE', message: 'bad' },
    cause: { requestId: 'r0' },
  },
);

describe('request envelope check', () => {
  it('accepts what Alexa sends', () => {
    for (const envelope of [INTENT, LAUNCH, CAN_FULFILL, EXCEPTION]) {
      expect(fieldOf(envelope)).to.equal(undefined);
    }
  });

  it('refuses what is not an object', () => {
    for (const odd of [null, undefined, 'envelope', 7, [], [LAUNCH]]) {
      expect(fieldOf(odd), JSON.stringify(odd)).to.equal('envelope');
    }
  });

  const refusals: [string, unknown, string, unknown][] = [
    ['version missing', LAUNCH, 'version', undefined],
    ['version not a string', LAUNCH, 'version', 1],
    ['request missing', LAUNCH, 'request', undefined],
    ['request an array', LAUNCH, 'request', []],
    ['request.type', LAUNCH, 'request.type', 7],
    ['request.requestId', LAUNCH, 'request.requestId', undefined],
    ['request.timestamp', LAUNCH, 'request.timestamp', 1_700_000_000],
    ['request.locale', LAUNCH, 'request.locale', 7],
    ['context missing', LAUNCH, 'context', undefined],
    ['context.System', LAUNCH, 'context.System', null],
    ['context.System.application', LAUNCH, 'context.System.application', 'app'],
    ['applicationId', LAUNCH, 'context.System.application.applicationId', undefined],
    ['user missing', LAUNCH, 'context.System.user', undefined],
    ['userId missing', LAUNCH, 'context.System.user.userId', undefined],
    ['accessToken not a string', LAUNCH, 'context.System.user.accessToken', 7],
    ['device not an object', LAUNCH, 'context.System.device', 'd'],
    ['deviceId not a string', LAUNCH, 'context.System.device.deviceId', 7],
    ['apiEndpoint not a string', LAUNCH, 'context.System.apiEndpoint', 7],
    ['apiAccessToken not a string', LAUNCH, 'context.System.apiAccessToken', {}],
    ['session not an object', LAUNCH, 'session', 'yes'],
    ['session.new missing', LAUNCH, 'session.new', undefined],
    ['session.new not a boolean', LAUNCH, 'session.new', 'true'],
    ['sessionId', LAUNCH, 'session.sessionId', undefined],
    ['session.user missing', LAUNCH, 'session.user', undefined],
    ['session.user.accessToken', LAUNCH, 'session.user.accessToken', 7],
    ['session.attributes', LAUNCH, 'session.attributes', 'x'],
    ['session.application', LAUNCH, 'session.application', []],
    ['intent missing', INTENT, 'request.intent', undefined],
    ['intent.name', INTENT, 'request.intent.name', undefined],
    ['intent.slots', INTENT, 'request.intent.slots', 'city'],
    ['a slot', INTENT, 'request.intent.slots.city', 'Paris'],
    ['a slot value', INTENT, 'request.intent.slots.city.value', 7],
    ['resolutions', INTENT, 'request.intent.slots.city.resolutions', 'x'],
    [
      'resolutionsPerAuthority',
      INTENT,
      'request.intent.slots.city.resolutions.resolutionsPerAuthority',
      {},
    ],
    [
      'an authority',
      INTENT,
      'request.intent.slots.city.resolutions.resolutionsPerAuthority.0',
      'x',
    ],
    [
      "an authority's status",
      INTENT,
      'request.intent.slots.city.resolutions.resolutionsPerAuthority.0.status',
      undefined,
    ],
    [
      "an authority's status code",
      INTENT,
      'request.intent.slots.city.resolutions.resolutionsPerAuthority.0.status.code',
      7,
    ],
    ['a CanFulfill intent', CAN_FULFILL, 'request.intent', undefined],
    ['an exception without error', EXCEPTION, 'request.error', undefined],
    ['an exception error type', EXCEPTION, 'request.error.type', 7],
    ['an exception error message', EXCEPTION, 'request.error.message', 7],
    ['an exception without cause', EXCEPTION, 'request.cause', undefined],
    ['an exception cause requestId', EXCEPTION, 'request.cause.requestId', 7],
  ];
  for (const [what, envelope, path, value] of refusals) {
    // Top-level parts are named under `envelope.`.
    const field = path.includes('.') ? path : `envelope.${path}`;
    it(`refuses ${what}, naming ${field}`, () => {
      expect(fieldOf(withPath(envelope, path, value))).to.equal(field);
    });
  }

  const optional: [string, unknown, string][] = [
    ['no locale', LAUNCH, 'request.locale'],
    ['no access token', LAUNCH, 'context.System.user.accessToken'],
    ['no device', LAUNCH, 'context.System.device'],
    ['a device without id', LAUNCH, 'context.System.device.deviceId'],
    ['no apiEndpoint', LAUNCH, 'context.System.apiEndpoint'],
    ['no apiAccessToken', LAUNCH, 'context.System.apiAccessToken'],
    ['no session (AudioPlayer and System requests)', LAUNCH, 'session'],
    ['a session without attributes', LAUNCH, 'session.attributes'],
    ['a session without application', LAUNCH, 'session.application'],
    ['a session user without access token', LAUNCH, 'session.user.accessToken'],
    ['an intent without slots', INTENT, 'request.intent.slots'],
    ['a slot without value', INTENT, 'request.intent.slots.city.value'],
    ['a slot without resolutions', INTENT, 'request.intent.slots.city.resolutions'],
    [
      'resolutions without authorities',
      INTENT,
      'request.intent.slots.city.resolutions.resolutionsPerAuthority',
    ],
    ['a CanFulfill request without user', CAN_FULFILL, 'context.System.user'],
    ['a CanFulfill user without userId', CAN_FULFILL, 'context.System.user.userId'],
    ['an exception without message', EXCEPTION, 'request.error.message'],
  ];
  for (const [what, envelope, path] of optional) {
    it(`accepts ${what}`, () => {
      expect(fieldOf(withPath(envelope, path, undefined))).to.equal(undefined);
    });
  }

  it('accepts a CanFulfill session without user, and refuses one elsewhere', () => {
    const canFulfillWithSession = withPath(CAN_FULFILL, 'session', LAUNCH.session);
    expect(fieldOf(withPath(canFulfillWithSession, 'session.user', undefined))).to.equal(undefined);
    expect(fieldOf(withPath(INTENT, 'session.user', undefined))).to.equal('session.user');
  });

  it('reads slots of any name, and every authority in order', () => {
    const twoAuthorities = withPath(
      INTENT,
      'request.intent.slots.city.resolutions.resolutionsPerAuthority',
      [{ status: { code: 'ER_SUCCESS_MATCH' } }, { status: {} }],
    );
    expect(fieldOf(twoAuthorities)).to.equal(
      'request.intent.slots.city.resolutions.resolutionsPerAuthority.1.status.code',
    );
    const odd = withPath(INTENT, 'request.intent.slots.other', 7);
    expect(fieldOf(odd)).to.equal('request.intent.slots.other');
  });

  it('says where, never what, in its message', () => {
    const envelope = withPath(LAUNCH, 'context.System.user.accessToken', 12345);
    try {
      assertIsRequestEnvelope(envelope);
      expect.fail('accepted');
    } catch (error) {
      expect((error as Error).message).to.include('context.System.user.accessToken');
      expect((error as Error).message).not.to.include('12345');
    }
  });
});
