import { expect } from 'chai';
import type { IntentRequest } from 'ask-sdk-model';
import { entityResolution } from 'alexa-skill-harness';
import {
  intentRequest,
  launchRequest,
  TEST_API_ACCESS_TOKEN,
  TEST_API_ENDPOINT,
  TEST_CONSENT_TOKEN,
  TEST_SKILL_ID,
} from './requests.js';
import { TEST_NOW } from './tokens.js';

describe('request builders', () => {
  it('put the access token in both places Alexa puts it', () => {
    const envelope = launchRequest({ accessToken: 'tok' });
    expect(envelope.context.System.user.accessToken).to.equal('tok');
    expect(envelope.session?.user.accessToken).to.equal('tok');
  });

  it('default to a new en-US session for the test skill at the fixed clock, with the Alexa API', () => {
    const envelope = launchRequest();
    expect(envelope.session?.new).to.equal(true);
    expect(envelope.request.locale).to.equal('en-US');
    expect(envelope.request.timestamp).to.equal(new Date(TEST_NOW).toISOString());
    expect(envelope.context.System.application.applicationId).to.equal(TEST_SKILL_ID);
    expect(envelope.context.System.apiEndpoint).to.equal(TEST_API_ENDPOINT);
    expect(envelope.context.System.apiAccessToken).to.equal(TEST_API_ACCESS_TOKEN);
    expect(envelope.context.System.device?.supportedInterfaces).to.deep.equal({});
  });

  it('describe a device with APL', () => {
    const envelope = launchRequest({ apl: true });
    expect(envelope.context.System.device?.supportedInterfaces).to.have.property(
      'Alexa.Presentation.APL',
    );
  });

  it('carry granted permissions and the consent token', () => {
    const envelope = launchRequest({ permissions: { scopes: { 'read::x': 'GRANTED' } } });
    expect(envelope.context.System.user.permissions).to.deep.equal({
      consentToken: TEST_CONSENT_TOKEN,
      scopes: { 'read::x': { status: 'GRANTED' } },
    });
  });

  it('carry locale, skill id, clock and session attributes', () => {
    const envelope = launchRequest({
      locale: 'en-GB',
      skillId: 'amzn1.ask.skill.other',
      now: 0,
      sessionAttributes: { a: 1 },
    });
    expect(envelope.request.locale).to.equal('en-GB');
    expect(envelope.session?.application.applicationId).to.equal('amzn1.ask.skill.other');
    expect(envelope.request.timestamp).to.equal('1970-01-01T00:00:00.000Z');
    expect(envelope.session).to.include({ new: false });
    expect(envelope.session?.attributes).to.deep.equal({ a: 1 });
  });

  it('build intent slots from values, empties and entity resolutions', () => {
    const resolutions = entityResolution('Colour', { name: 'red', id: 'RED' });
    const request = intentRequest('PickIntent', {
      colour: { value: 'crimson', resolutions },
      size: undefined,
      city: 'Boston',
    }).request as IntentRequest;
    expect(request.intent.slots?.['colour']).to.deep.include({ value: 'crimson', resolutions });
    expect(request.intent.slots?.['size']).not.to.have.property('value');
    expect(request.intent.slots?.['city']?.value).to.equal('Boston');
    expect(request.dialogState).to.equal('COMPLETED');
  });
});
