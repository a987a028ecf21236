/**
 * Every request type Alexa may send gets a correct answer. The envelopes follow the shapes in
 * Amazon's reference pages (AudioPlayer, PlaybackController, System.ExceptionEncountered, Skill
 * Messaging, APL UserEvent, CanFulfillIntentRequest), written out here rather than taken from the
 * skill's own builders: AudioPlayer, PlaybackController and System requests carry no session, and
 * a CanFulfillIntentRequest may carry no user.
 */
import { expect } from 'chai';
import type { ResponseEnvelope } from 'ask-sdk-model';
import type { VerifyAccessToken } from '../../../lambda/auth/index.js';
import { InvalidRequestEnvelopeError } from '../../../lambda/request/index.js';
import type { WeatherProvider } from '../../../lambda/weather/index.js';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  sessionResumedRequest,
  TEST_API_ACCESS_TOKEN,
  TEST_API_ENDPOINT,
  TEST_DEVICE_ID,
  TEST_SKILL_ID,
  TEST_USER_ID,
} from '../../harness/requests.js';
import { createTestSkill, type TestSkill } from '../../harness/test-skill.js';
import { TEST_NOW } from '../../harness/tokens.js';

type Json = Record<string, unknown>;
type SlotJson = Json & { readonly name: string };

const WEAR = 'WhatShouldIWearIntent';
const AUDIO_TOKEN = 'audio-item-token-5c1e';
let counter = 0;

/** `context.System` as Amazon documents it; `user: null` leaves the user out. */
function system(user: Json | null = { userId: TEST_USER_ID }): Json {
  return {
    application: { applicationId: TEST_SKILL_ID },
    ...(user === null ? {} : { user }),
    device: { deviceId: TEST_DEVICE_ID, supportedInterfaces: { AudioPlayer: {} } },
    apiEndpoint: TEST_API_ENDPOINT,
    apiAccessToken: TEST_API_ACCESS_TOKEN,
  };
}

/** The fields every request has, at `now`. */
function base(type: string, now = TEST_NOW): Json {
  counter += 1;
  return {
    type,
    requestId: `amzn1.echo-api.request.types-${counter}`,
    timestamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    locale: 'en-US',
  };
}

/** An AudioPlayer request: no session; the player's state in `context.AudioPlayer`. */
function audioPlayerRequest(type: string, extra: Json = {}): Json {
  return {
    version: '1.0',
    context: {
      AudioPlayer: { token: AUDIO_TOKEN, offsetInMilliseconds: 4200, playerActivity: 'PLAYING' },
      System: system(),
    },
    request: { ...base(type), token: AUDIO_TOKEN, offsetInMilliseconds: 4200, ...extra },
  };
}

const PLAYBACK_FAILED = audioPlayerRequest('AudioPlayer.PlaybackFailed', {
  error: { type: 'MEDIA_ERROR_SERVICE_UNAVAILABLE', message: 'stream host gone 7d2a' },
  currentPlaybackState: {
    token: AUDIO_TOKEN,
    offsetInMilliseconds: 4200,
    playerActivity: 'PLAYING',
  },
});

/** A PlaybackController request: the request has nothing but its type, id, time and locale. */
function playbackControllerRequest(type: string): Json {
  return {
    version: '1.0',
    context: {
      AudioPlayer: { token: AUDIO_TOKEN, offsetInMilliseconds: 0, playerActivity: 'STOPPED' },
      System: system(),
    },
    request: base(type),
  };
}

/** A Skill Messaging request: sent by another service, outside any session and locale. */
function messageReceived(): Json {
  const request = base('Messaging.MessageReceived');
  delete request['locale'];
  return {
    version: '1.0',
    context: { System: system() },
    request: { ...request, message: { note: 'from the back office' } },
  };
}

/** An APL UserEvent: a touch on the screen, inside a session. */
function aplUserEvent(): Json {
  return {
    version: '1.0',
    session: {
      new: false,
      sessionId: 'amzn1.echo-api.session.types',
      application: { applicationId: TEST_SKILL_ID },
      user: { userId: TEST_USER_ID },
      attributes: {},
    },
    context: { System: system() },
    request: {
      ...base('Alexa.Presentation.APL.UserEvent'),
      token: 'advice-card',
      arguments: ['more'],
      source: { type: 'TouchWrapper', handler: 'Press', id: 'moreButton' },
      components: {},
    },
  };
}

/** System.ExceptionEncountered: Alexa refused the response to `cause.requestId`. */
function exceptionEncountered(error: Json, cause: Json | null): Json {
  return {
    version: '1.0',
    context: { System: system() },
    request: {
      ...base('System.ExceptionEncountered'),
      error,
      ...(cause === null ? {} : { cause }),
    },
  };
}

/** A slot as a CanFulfillIntentRequest carries it: name and value, and resolutions for custom types. */
function slot(name: string, value: string | undefined, resolutions?: Json): SlotJson {
  return {
    name,
    ...(value === undefined ? {} : { value }),
    ...(resolutions === undefined ? {} : { resolutions }),
  };
}

/** Entity resolution of a value of the custom type `type`: matched to `id`, or not matched. */
function resolution(type: string, id: string | undefined): Json {
  return {
    resolutionsPerAuthority: [
      {
        authority: `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.${type}`,
        status: { code: id === undefined ? 'ER_SUCCESS_NO_MATCH' : 'ER_SUCCESS_MATCH' },
        ...(id === undefined ? {} : { values: [{ value: { name: id.toLowerCase(), id } }] }),
      },
    ],
  };
}

const clothingResolution = (id: string | undefined) => resolution('ClothingItem', id);
const purposeResolution = (id: string | undefined) => resolution('Purpose', id);

interface CanFulfillOptions {
  readonly now?: number;
  /** `null` for a request from no one in particular. */
  readonly user?: Json | null;
  /** Adds a session, with these attributes. */
  readonly sessionAttributes?: Json;
}

/** A CanFulfillIntentRequest as Amazon documents it: no session; a device without an id. */
function canFulfillRequest(
  name: string,
  slots: SlotJson[] = [],
  options: CanFulfillOptions = {},
): Json {
  const user = options.user === undefined ? { userId: TEST_USER_ID } : options.user;
  return {
    version: '1.0',
    ...(options.sessionAttributes === undefined
      ? {}
      : {
          session: {
            new: true,
            sessionId: 'amzn1.echo-api.session.cfir',
            application: { applicationId: TEST_SKILL_ID },
            ...(user === null ? {} : { user }),
            attributes: options.sessionAttributes,
          },
        }),
    context: {
      System: {
        application: { applicationId: TEST_SKILL_ID },
        ...(user === null ? {} : { user }),
        device: { supportedInterfaces: {} },
      },
    },
    request: {
      ...base('CanFulfillIntentRequest', options.now),
      intent: {
        name,
        slots: Object.fromEntries(slots.map((s) => [s.name, s])),
      },
    },
  };
}

/** Dependencies that record any use: none of them may run for the requests of this file. */
function spies() {
  const calls: string[] = [];
  const verify: VerifyAccessToken = () => {
    calls.push('verify');
    return Promise.reject(new Error('verify called'));
  };
  const weather: WeatherProvider = {
    name: 'demo',
    forecastDay: () => {
      calls.push('weather');
      return Promise.reject(new Error('weather called'));
    },
  };
  const alexaFetch: typeof fetch = () => {
    calls.push('alexa');
    return Promise.reject(new Error('Alexa API called'));
  };
  return { calls, verify, weather, alexaFetch };
}

function skillWithSpies(): TestSkill & { calls: string[] } {
  const { calls, ...deps } = spies();
  return { ...createTestSkill(deps), calls };
}

async function invoke(
  event: Json,
  skill: TestSkill = createTestSkill(),
): Promise<ResponseEnvelope> {
  return skill.skill.invoke(event, {});
}

async function refusal(event: Json): Promise<unknown> {
  try {
    await invoke(event);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('request types', () => {
  describe('a request type the skill has no handler for', () => {
    const requests: [string, () => Json][] = [
      ['AudioPlayer.PlaybackStarted', () => audioPlayerRequest('AudioPlayer.PlaybackStarted')],
      ['AudioPlayer.PlaybackFinished', () => audioPlayerRequest('AudioPlayer.PlaybackFinished')],
      ['AudioPlayer.PlaybackStopped', () => audioPlayerRequest('AudioPlayer.PlaybackStopped')],
      [
        'AudioPlayer.PlaybackNearlyFinished',
        () => audioPlayerRequest('AudioPlayer.PlaybackNearlyFinished'),
      ],
      ['AudioPlayer.PlaybackFailed', () => structuredClone(PLAYBACK_FAILED)],
      [
        'PlaybackController.PlayCommandIssued',
        () => playbackControllerRequest('PlaybackController.PlayCommandIssued'),
      ],
      [
        'PlaybackController.NextCommandIssued',
        () => playbackControllerRequest('PlaybackController.NextCommandIssued'),
      ],
      [
        'PlaybackController.PauseCommandIssued',
        () => playbackControllerRequest('PlaybackController.PauseCommandIssued'),
      ],
      [
        'PlaybackController.PreviousCommandIssued',
        () => playbackControllerRequest('PlaybackController.PreviousCommandIssued'),
      ],
      ['Messaging.MessageReceived', messageReceived],
      ['Alexa.Presentation.APL.UserEvent', aplUserEvent],
    ];
    for (const [type, request] of requests) {
      it(`answers ${type} with an empty response`, async () => {
        const reply = await invoke(request());
        expect(reply.version).to.equal('1.0');
        expect(reply.response).to.deep.equal({});
      });
    }

    it('writes one info line with the request type and the outcome "ignored", and no error', async () => {
      const skill = createTestSkill();
      await invoke(structuredClone(PLAYBACK_FAILED), skill);
      const records = skill.records();
      expect(records.filter((r) => r['message'] === 'request')).to.have.length(1);
      expect(records.find((r) => r['message'] === 'request')).to.include({
        level: 'info',
        requestType: 'AudioPlayer.PlaybackFailed',
        outcome: 'ignored',
      });
      expect(records.filter((r) => r['level'] === 'warn' || r['level'] === 'error')).to.deep.equal(
        [],
      );
    });

    it('logs nothing of the request but its type', async () => {
      const skill = createTestSkill();
      await invoke(structuredClone(PLAYBACK_FAILED), skill);
      const all = skill.logs.join('\n');
      for (const detail of [AUDIO_TOKEN, 'stream host gone 7d2a', 'MEDIA_ERROR', TEST_USER_ID])
        expect(all).not.to.include(detail);
    });

    it('sees, through its spies, the calls of a request that needs them', async () => {
      const skill = skillWithSpies();
      await invoke(
        intentRequest(WEAR, { city: 'Chicago' }, { accessToken: 'a.b.c' }) as unknown as Json,
        skill,
      );
      expect(skill.calls).to.include('verify');
    });

    it('calls no dependency', async () => {
      const skill = skillWithSpies();
      await invoke(audioPlayerRequest('AudioPlayer.PlaybackStarted'), skill);
      expect(skill.calls).to.deep.equal([]);
    });

    it('leaves an IntentRequest for an unknown intent to the spoken apology', async () => {
      const reply = await invoke(intentRequest('SomethingElseIntent') as unknown as Json);
      expect(reply.response.outputSpeech).to.deep.equal({
        type: 'SSML',
        ssml: '<speak>Sorry, something went wrong on my side. Please try again in a moment.</speak>',
      });
    });
  });

  describe('System.ExceptionEncountered', () => {
    const refused = () =>
      exceptionEncountered(
        { type: 'INVALID_RESPONSE', message: 'Invalid SSML in outputSpeech' },
        { requestId: 'amzn1.echo-api.request.earlier-1' },
      );

    it('answers with an empty response', async () => {
      const reply = await invoke(refused());
      expect(reply.response).to.deep.equal({});
    });

    it('logs the error type, message and the cause request id at error level', async () => {
      const skill = createTestSkill();
      await invoke(refused(), skill);
      const line = skill.records().find((r) => r['level'] === 'error');
      expect(line).to.include({
        errorType: 'INVALID_RESPONSE',
        errorMessage: 'Invalid SSML in outputSpeech',
        causeRequestId: 'amzn1.echo-api.request.earlier-1',
      });
    });

    it('writes the request line with the outcome "exception-encountered"', async () => {
      const skill = createTestSkill();
      await invoke(refused(), skill);
      expect(skill.records().find((r) => r['message'] === 'request')).to.include({
        requestType: 'System.ExceptionEncountered',
        outcome: 'exception-encountered',
      });
    });

    it('is refused before any handler when it has no cause', async () => {
      const error = await refusal(exceptionEncountered({ type: 'INVALID_RESPONSE' }, null));
      expect(error).to.be.instanceOf(InvalidRequestEnvelopeError);
      expect(error).to.include({ code: 'ERR_INVALID_REQUEST_ENVELOPE', field: 'request.cause' });
    });

    it('is refused before any handler when its error has no type', async () => {
      const error = await refusal(exceptionEncountered({ message: 'x' }, { requestId: 'r' }));
      expect(error).to.include({ field: 'request.error.type' });
    });
  });

  describe('CanFulfillIntentRequest', () => {
    const canFulfill = async (name: string, slots: SlotJson[] = [], options?: CanFulfillOptions) =>
      (await invoke(canFulfillRequest(name, slots, options))).response.canFulfillIntent;

    it('answers YES for what to wear in a city, on a day of the forecast, for a known item', async () => {
      const answer = await canFulfill(WEAR, [
        slot('city', 'Chicago'),
        slot('date', '2026-11-26'),
        slot('item', 'umbrella', clothingResolution('UMBRELLA')),
      ]);
      expect(answer).to.deep.equal({
        canFulfill: 'YES',
        slots: {
          city: { canUnderstand: 'YES', canFulfill: 'YES' },
          date: { canUnderstand: 'YES', canFulfill: 'YES' },
          item: { canUnderstand: 'YES', canFulfill: 'YES' },
        },
      });
    });

    it('answers YES for what to wear with no slot values, leaving the empty slots out', async () => {
      const answer = await canFulfill(WEAR, [slot('city', undefined), slot('date', undefined)]);
      expect(answer).to.deep.equal({ canFulfill: 'YES', slots: {} });
    });

    it('answers MAYBE for an item entity resolution did not match', async () => {
      const answer = await canFulfill(WEAR, [
        slot('city', 'Chicago'),
        slot('item', 'spacesuit', clothingResolution(undefined)),
      ]);
      expect(answer?.canFulfill).to.equal('MAYBE');
      expect(answer?.slots?.['item']).to.deep.equal({ canUnderstand: 'MAYBE', canFulfill: 'YES' });
    });

    it('answers YES for a purpose entity resolution matched', async () => {
      const answer = await canFulfill(WEAR, [slot('purpose', 'the gym', purposeResolution('GYM'))]);
      expect(answer).to.deep.equal({
        canFulfill: 'YES',
        slots: { purpose: { canUnderstand: 'YES', canFulfill: 'YES' } },
      });
    });

    it('answers MAYBE for a purpose entity resolution did not match', async () => {
      const answer = await canFulfill(WEAR, [
        slot('purpose', 'a coronation', purposeResolution(undefined)),
      ]);
      expect(answer?.canFulfill).to.equal('MAYBE');
      expect(answer?.slots?.['purpose']).to.deep.equal({
        canUnderstand: 'MAYBE',
        canFulfill: 'YES',
      });
    });

    it('answers NO for a city longer than any place name', async () => {
      const answer = await canFulfill(WEAR, [slot('city', 'x'.repeat(101))]);
      expect(answer).to.deep.equal({
        canFulfill: 'NO',
        slots: { city: { canUnderstand: 'NO', canFulfill: 'NO' } },
      });
    });

    it('answers NO for a slot the intent does not have', async () => {
      const answer = await canFulfill(WEAR, [slot('colour', 'red')]);
      expect(answer).to.deep.equal({
        canFulfill: 'NO',
        slots: { colour: { canUnderstand: 'NO', canFulfill: 'NO' } },
      });
    });

    // TEST_NOW is 2026-11-25 12:00 UTC: the forecast runs to 2026-12-10.
    const dates: [string, 'YES' | 'NO', 'YES' | 'NO', string][] = [
      ['2026-11-26', 'YES', 'YES', 'a day of the forecast'],
      ['PRESENT_REF', 'YES', 'YES', 'now'],
      ['XXXX-12-03', 'YES', 'YES', 'a day without a year'],
      ['2026-W49', 'YES', 'YES', 'next week'],
      ['2026-W48-WE', 'YES', 'YES', 'this weekend'],
      ['2026-12', 'YES', 'YES', 'next month'],
      ['2026-12-XX', 'YES', 'YES', 'some day next month'],
      ['2026', 'YES', 'YES', 'this year'],
      ['2026-XX-XX', 'YES', 'YES', 'some day this year'],
      ['202X', 'YES', 'YES', 'this decade'],
      ['2026-FA', 'YES', 'YES', 'this autumn'],
      ['2026-WI', 'YES', 'YES', 'this winter, said in November'],
      ['2026-Q4', 'YES', 'YES', 'this quarter'],
      ['2026-11-23', 'YES', 'NO', 'a day already past everywhere'],
      ['2026-12-11', 'YES', 'NO', 'the first day beyond the forecast'],
      ['2026-W53', 'YES', 'NO', 'a week beyond the forecast'],
      ['2026-SU', 'YES', 'NO', 'a season already past'],
      ['2027-06', 'YES', 'NO', 'a month beyond the forecast'],
      ['201X', 'YES', 'NO', 'a past decade'],
      ['2026-13', 'NO', 'NO', 'a month that does not exist'],
      ['2026-02-30', 'NO', 'NO', 'a day that does not exist'],
      ['2027-W54', 'NO', 'NO', 'a week that does not exist'],
      ['tomorrow', 'NO', 'NO', 'words that are no AMAZON.DATE value'],
    ];
    for (const [value, understood, fulfilled, what] of dates) {
      it(`answers date ${value} (${what}) with canUnderstand ${understood}, canFulfill ${fulfilled}`, async () => {
        const answer = await canFulfill(WEAR, [slot('date', value)]);
        expect(answer).to.deep.equal({
          canFulfill: fulfilled,
          slots: { date: { canUnderstand: understood, canFulfill: fulfilled } },
        });
      });
    }

    it("answers YES for the user's today when UTC is already on the next day", async () => {
      const evening = Date.UTC(2026, 10, 26, 3, 0, 0); // 10 pm on the 25th in New York
      const answer = await canFulfill(WEAR, [slot('date', '2026-11-25')], { now: evening });
      expect(answer?.canFulfill).to.equal('YES');
    });

    it('answers NO for an intent the skill does not have', async () => {
      expect(await canFulfill('OrderPizzaIntent', [slot('city', 'Chicago')])).to.deep.equal({
        canFulfill: 'NO',
      });
    });

    for (const builtIn of [
      'AMAZON.HelpIntent',
      'AMAZON.StopIntent',
      'AMAZON.CancelIntent',
      'AMAZON.FallbackIntent',
      'AMAZON.NavigateHomeIntent',
    ]) {
      it(`answers NO for ${builtIn}, which means something only inside the skill`, async () => {
        expect(await canFulfill(builtIn)).to.deep.equal({ canFulfill: 'NO' });
      });
    }

    it('answers with canFulfillIntent alone: no speech, card, reprompt or end of session', async () => {
      const reply = await invoke(canFulfillRequest(WEAR, [slot('city', 'Chicago')]));
      expect(Object.keys(reply.response)).to.deep.equal(['canFulfillIntent']);
    });

    it('leaves the session attributes as Alexa sent them', async () => {
      const sessionAttributes = { question: { slot: 'city', date: '2026-11-28' } };
      const reply = await invoke(
        canFulfillRequest(WEAR, [slot('city', 'Chicago')], { sessionAttributes }),
      );
      expect(reply.sessionAttributes).to.deep.equal(sessionAttributes);
    });

    it('checks no token, and calls no Alexa API and no weather service', async () => {
      const skill = skillWithSpies();
      await invoke(
        canFulfillRequest(WEAR, [slot('city', 'Chicago'), slot('date', '2026-11-26')]),
        skill,
      );
      expect(skill.calls).to.deep.equal([]);
    });

    it('answers a request that carries no user', async () => {
      const reply = await invoke(
        canFulfillRequest(WEAR, [slot('city', 'Chicago')], { user: null }),
      );
      expect(reply.response.canFulfillIntent?.canFulfill).to.equal('YES');
    });

    it('answers a request whose user has no id', async () => {
      const reply = await invoke(canFulfillRequest(WEAR, [slot('city', 'Chicago')], { user: {} }));
      expect(reply.response.canFulfillIntent?.canFulfill).to.equal('YES');
    });

    it('writes the request line with the intent and the answer as the outcome', async () => {
      const skill = createTestSkill();
      await invoke(canFulfillRequest(WEAR, [slot('date', '2027-03-01')]), skill);
      expect(skill.records().find((r) => r['message'] === 'request')).to.include({
        requestType: 'CanFulfillIntentRequest',
        intent: WEAR,
        outcome: 'can-fulfill:NO',
      });
    });

    it('is refused before any handler when it has no intent', async () => {
      const event = canFulfillRequest(WEAR);
      delete (event['request'] as Json)['intent'];
      expect(await refusal(event)).to.include({ field: 'request.intent' });
    });

    it('is refused before any handler when a resolution has no status code', async () => {
      const error = await refusal(
        canFulfillRequest(WEAR, [slot('item', 'hat', { resolutionsPerAuthority: [{}] })]),
      );
      expect(error).to.include({
        field: 'request.intent.slots.item.resolutions.resolutionsPerAuthority.0.status',
      });
    });
  });

  it('answers an envelope of every request type Alexa may send, speaking only where it may', async () => {
    const every: [string, Json, boolean][] = [
      ['LaunchRequest', launchRequest() as unknown as Json, true],
      ['IntentRequest', intentRequest('AMAZON.HelpIntent') as unknown as Json, true],
      ['SessionEndedRequest', sessionEndedRequest() as unknown as Json, false],
      [
        'SessionResumedRequest',
        sessionResumedRequest({
          token: 'address-consent',
          result: { status: 'DENIED' },
        }) as unknown as Json,
        true,
      ],
      ['CanFulfillIntentRequest', canFulfillRequest(WEAR), false],
      [
        'System.ExceptionEncountered',
        exceptionEncountered(
          { type: 'INVALID_RESPONSE', message: 'bad' },
          { requestId: 'amzn1.echo-api.request.1' },
        ),
        false,
      ],
      ...[
        'AudioPlayer.PlaybackStarted',
        'AudioPlayer.PlaybackFinished',
        'AudioPlayer.PlaybackStopped',
        'AudioPlayer.PlaybackNearlyFinished',
      ].map((type): [string, Json, boolean] => [type, audioPlayerRequest(type), false]),
      ['AudioPlayer.PlaybackFailed', PLAYBACK_FAILED, false],
      ...[
        'PlaybackController.PlayCommandIssued',
        'PlaybackController.PauseCommandIssued',
        'PlaybackController.NextCommandIssued',
        'PlaybackController.PreviousCommandIssued',
      ].map((type): [string, Json, boolean] => [type, playbackControllerRequest(type), false]),
      ['Messaging.MessageReceived', messageReceived(), false],
      ['Alexa.Presentation.APL.UserEvent', aplUserEvent(), false],
    ];
    for (const [type, event, speaks] of every) {
      const reply = await invoke(event);
      expect(reply.version, type).to.equal('1.0');
      expect(reply.response.outputSpeech !== undefined, `${type} speaks`).to.equal(speaks);
    }
  });

  describe('the envelope check, for other requests than CanFulfillIntentRequest', () => {
    it('still refuses a request without a user', async () => {
      const event = audioPlayerRequest('AudioPlayer.PlaybackStarted');
      (event['context'] as { System: Json }).System = system(null);
      expect(await refusal(event)).to.include({ field: 'context.System.user' });
    });

    it('still refuses a request whose user has no id', async () => {
      const event = audioPlayerRequest('AudioPlayer.PlaybackStarted');
      (event['context'] as { System: Json }).System = system({});
      expect(await refusal(event)).to.include({ field: 'context.System.user.userId' });
    });
  });
});
