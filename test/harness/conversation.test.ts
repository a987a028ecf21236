import { expect, use } from 'chai';
import { getDialogState, getSlotValue, SkillBuilders } from 'ask-sdk-core';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { alexaAssertions } from 'alexa-skill-harness';
import { skillConversation } from './conversation.js';
import { ConversationStateError } from 'alexa-skill-harness';
import { inProcess, type Transport } from 'alexa-skill-harness';

use(alexaAssertions);

/** A skill that remembers a counter, elicits the city, and ends on "stop". */
function toySkill() {
  return SkillBuilders.custom()
    .addRequestHandlers({
      canHandle: () => true,
      handle(input) {
        const envelope = input.requestEnvelope;
        const builder = input.responseBuilder;
        if (envelope.request.type === 'SessionEndedRequest') return builder.getResponse();
        const attributes = input.attributesManager.getSessionAttributes();
        attributes['turns'] = Number(attributes['turns'] ?? 0) + 1;
        input.attributesManager.setSessionAttributes(attributes);
        if (envelope.request.type !== 'IntentRequest')
          return builder.speak('hi').reprompt('hi').getResponse();
        const intent = envelope.request.intent;
        if (intent.name === 'AMAZON.StopIntent')
          return builder.speak('bye').withShouldEndSession(true).getResponse();
        const city = getSlotValue(envelope, 'city');
        if (intent.name === 'WhatShouldIWearIntent' && !city) {
          return builder
            .speak('Which city?')
            .reprompt('Which city?')
            .addElicitSlotDirective('city', intent)
            .getResponse();
        }
        return builder
          .speak(
            `${intent.name} ${city} ${getSlotValue(envelope, 'date')} ${getDialogState(envelope)}`,
          )
          .reprompt('more?')
          .getResponse();
      },
    })
    .create();
}

describe('conversations', () => {
  let sent: RequestEnvelope[];
  let transport: Transport;

  beforeEach(() => {
    sent = [];
    const target = inProcess(toySkill());
    transport = (envelope) => {
      sent.push(envelope);
      return target(envelope);
    };
  });

  it('mark only the first turn of a session as new, and keep its id', async () => {
    const alexa = skillConversation({ transport });
    await alexa.launch();
    await alexa.say('help');
    expect(sent.map((e) => e.session?.new)).to.deep.equal([true, false]);
    expect(sent[1]?.session?.sessionId).to.equal(sent[0]?.session?.sessionId);
  });

  it('carry the session attributes from reply to request', async () => {
    const alexa = skillConversation({ transport });
    await alexa.launch();
    await alexa.say('help');
    expect(sent[1]?.session?.attributes).to.deep.equal({ turns: 1 });
    expect(alexa.sessionAttributes).to.deep.equal({ turns: 2 });
  });

  it('open a new session, without attributes, after the skill ends one', async () => {
    const alexa = skillConversation({ transport });
    await alexa.launch();
    expect(await alexa.say('stop')).to.endSession();
    await alexa.say('help');
    expect(sent[2]?.session?.new).to.equal(true);
    expect(sent[2]?.session?.sessionId).not.to.equal(sent[0]?.session?.sessionId);
    expect(sent[2]?.session?.attributes).to.deep.equal({});
  });

  it('end an open session with a SessionEndedRequest, and refuse to end a closed one', async () => {
    const alexa = skillConversation({ transport });
    await alexa.launch();
    await alexa.end();
    expect(sent[1]?.request.type).to.equal('SessionEndedRequest');
    expect(alexa.sessionOpen).to.equal(false);
    expect(() => alexa.end()).to.throw(ConversationStateError);
  });

  it('fill an elicited slot with the next answer, IN_PROGRESS', async () => {
    const alexa = skillConversation({ transport });
    expect(await alexa.say('what should I wear tomorrow')).to.elicitSlot('city');
    const reply: ResponseEnvelope = await alexa.say('Boston');
    expect(reply).to.have.speech('WhatShouldIWearIntent Boston 2026-11-26 IN_PROGRESS');
    expect((sent[1]?.request as IntentRequest).dialogState).to.equal('IN_PROGRESS');
  });

  it('hear an answer the model cannot place as the fallback, as Alexa does', async () => {
    const alexa = skillConversation({ transport });
    await alexa.say('what should I wear');
    const reply = await alexa.say('what is the capital of France');
    expect(reply).to.have.speech(/^AMAZON.FallbackIntent/);
  });

  it('hear stop while a slot is asked for as Stop, not as the slot', async () => {
    const alexa = skillConversation({ transport });
    await alexa.say('what should I wear');
    expect(await alexa.say('stop')).to.have.speech('bye');
  });

  it('keep what the elicited intent held, and take a day and a city said together', async () => {
    const alexa = skillConversation({ transport });
    await alexa.say('what should I wear on Saturday');
    expect(await alexa.say('Boston')).to.have.speech(
      'WhatShouldIWearIntent Boston 2026-11-28 IN_PROGRESS',
    );
    await alexa.say('what should I wear');
    expect(await alexa.say('tomorrow in Chicago')).to.have.speech(
      'WhatShouldIWearIntent Chicago 2026-11-26 IN_PROGRESS',
    );
  });

  it('resume the session after a skill connection, with its token and result', async () => {
    const connecting = inProcess(
      SkillBuilders.custom()
        .addRequestHandlers({
          canHandle: () => true,
          handle(input) {
            const request = input.requestEnvelope.request;
            if (request.type === 'SessionResumedRequest') {
              const status = (request.cause?.result as { status?: string } | undefined)?.status;
              return input.responseBuilder
                .speak(`${request.cause?.token ?? ''} ${status ?? ''}`)
                .getResponse();
            }
            return input.responseBuilder
              .addDirective({
                type: 'Connections.StartConnection',
                uri: 'connection://AMAZON.AskForPermissionsConsent/2',
                token: 'kept',
              })
              .getResponse();
          },
        })
        .create(),
    );
    const alexa = skillConversation({ transport: connecting });
    await alexa.say('what should I wear');
    expect(alexa.sessionOpen).to.equal(true);
    expect(() => alexa.say('help')).to.throw(ConversationStateError);
    expect(await alexa.resume({ status: 'DENIED' })).to.have.speech('kept DENIED');
    expect(() => alexa.resume({ status: 'ACCEPTED' })).to.throw(ConversationStateError);
  });

  it('send a token per turn from a function, and take a new one after relinking', async () => {
    let n = 0;
    const alexa = skillConversation({ transport, accessToken: () => `token-${++n}` });
    await alexa.launch();
    await alexa.say('help');
    alexa.useAccessToken('relinked');
    await alexa.say('help');
    expect(sent.map((e) => e.context.System.user.accessToken)).to.deep.equal([
      'token-1',
      'token-2',
      'relinked',
    ]);
    expect(sent.map((e) => e.session?.user.accessToken)).to.deep.equal([
      'token-1',
      'token-2',
      'relinked',
    ]);
  });

  it('resolve dates from its own clock and time zone', async () => {
    const alexa = skillConversation({
      transport,
      now: Date.UTC(2027, 0, 1, 3, 0, 0),
      timeZone: 'America/Los_Angeles',
    });
    expect(alexa.today).to.equal('2026-12-31');
    expect(await alexa.say('what should I wear in Boston tomorrow')).to.have.speech(/2027-01-01/);
  });

  it('carry request options (locale, APL device) on every turn', async () => {
    const alexa = skillConversation({
      transport,
      locale: 'en-GB',
      supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.3' } } },
    });
    await alexa.say('help');
    expect(sent[0]?.request.locale).to.equal('en-GB');
    expect(sent[0]?.context.System.device?.supportedInterfaces).to.have.property(
      'Alexa.Presentation.APL',
    );
  });
});
