import { expect, use } from 'chai';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  alexaAssertions,
  conversation,
  HarnessOptionError,
  loadModel,
  ModelError,
  resolveUtterance,
  type ConversationOptions,
  type Transport,
} from 'alexa-skill-harness';

use(alexaAssertions);

const model = loadModel(join(import.meta.dirname, 'package/greeter/model.json'));

describe('conversation, with what real envelopes carry', () => {
  let sent: RequestEnvelope[];
  const transport: Transport = (envelope) => {
    sent.push(envelope);
    const response: ResponseEnvelope = {
      version: '1.0',
      response: { outputSpeech: { type: 'PlainText', text: 'ok' }, shouldEndSession: false },
    };
    return Promise.resolve(response);
  };

  beforeEach(() => {
    sent = [];
  });

  it('carries the API endpoint, ids, interfaces and granted permissions on every turn', async () => {
    const alexa = conversation({
      transport,
      model,
      apiEndpoint: 'http://127.0.0.1:1',
      apiAccessToken: 'api-token',
      userId: 'amzn1.ask.account.ADA',
      deviceId: 'amzn1.ask.device.KITCHEN',
      supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.3' } } },
      permissions: ['alexa::profile:email:read'],
      accessToken: 'linked',
    });
    await alexa.launch();
    await alexa.say('greet Ada');
    for (const { context } of sent) {
      expect(context.System).to.include({
        apiEndpoint: 'http://127.0.0.1:1',
        apiAccessToken: 'api-token',
      });
      expect(context.System.user).to.deep.include({
        userId: 'amzn1.ask.account.ADA',
        accessToken: 'linked',
      });
      expect(context.System.user.permissions?.scopes).to.deep.equal({
        'alexa::profile:email:read': { status: 'GRANTED' },
      });
      expect(context.System.device?.deviceId).to.equal('amzn1.ask.device.KITCHEN');
      expect(context.System.device?.supportedInterfaces).to.have.property('Alexa.Presentation.APL');
    }
  });

  it('stamps requests with the real clock unless the test fixes it', async () => {
    const before = Date.now();
    await conversation({ transport, model }).launch();
    await conversation({ transport, model, now: Date.UTC(2030, 0, 1) }).launch();
    const [real, fixed] = sent.map((e) => Date.parse(e.request.timestamp));
    expect(real).to.be.within(before - 1000, Date.now() + 1000);
    expect(fixed).to.equal(Date.UTC(2030, 0, 1));
  });

  it('counts dates from the given today, or from now in the time zone', () => {
    const now = Date.UTC(2027, 0, 1, 3, 0, 0);
    expect(conversation({ transport, model, now }).today).to.equal('2027-01-01');
    expect(conversation({ transport, model, now, timeZone: 'America/Denver' }).today).to.equal(
      '2026-12-31',
    );
    expect(conversation({ transport, model, today: '2026-05-05' }).today).to.equal('2026-05-05');
  });

  it('refuses a missing model or transport, and malformed options, naming them', () => {
    const bad = (options: Partial<ConversationOptions>) => () =>
      conversation(options as ConversationOptions);
    expect(bad({ transport })).to.throw(HarnessOptionError, /model is required/);
    expect(bad({ model })).to.throw(HarnessOptionError, /transport is required/);
    expect(bad({ transport, model, timeZone: 'Mars/Olympus' })).to.throw(/IANA time zone/);
    expect(bad({ transport, model, now: Number.NaN })).to.throw(/now must be a time/);
    expect(bad({ transport, model, locale: '' })).to.throw(/locale must be a non-empty string/);
  });

  it('refuses a reply that is not a response envelope', async () => {
    const alexa = conversation({
      transport: () => Promise.resolve({} as ResponseEnvelope),
      model,
    });
    let error: unknown;
    await alexa.launch().catch((e: unknown) => (error = e));
    expect(error).to.have.property('code', 'ERR_CONVERSATION_STATE');
  });
});

describe('loadModel and resolveUtterance on another skill', () => {
  it('fills built-in slot types as Alexa does', () => {
    const count = resolveUtterance(model, 'count to twenty one', { today: '2026-12-02' });
    expect(count).to.deep.include({ kind: 'intent', name: 'CountIntent' });
    expect(count.kind === 'intent' && count.slots['count']?.value).to.equal('21');
    expect(resolveUtterance(model, 'open greeter')).to.deep.equal({ kind: 'launch' });
    expect(resolveUtterance(model, 'help')).to.deep.include({ name: 'AMAZON.HelpIntent' });
    expect(resolveUtterance(model, 'play some jazz')).to.deep.include({
      name: 'AMAZON.FallbackIntent',
    });
  });

  it('resolves a custom type synonym to its value', () => {
    const mood = resolveUtterance(model, 'I am feeling worn out');
    const resolution =
      mood.kind === 'intent'
        ? mood.slots['mood']?.resolutions?.resolutionsPerAuthority?.[0]
        : undefined;
    expect(resolution?.status.code).to.equal('ER_SUCCESS_MATCH');
    expect(resolution?.values[0]?.value.id).to.equal('TIRED');
  });

  it('refuses a bad date, a file that is no model, and no model at all', () => {
    expect(() => resolveUtterance(model, 'help', { today: '2026-02-30' })).to.throw(
      HarnessOptionError,
      /YYYY-MM-DD/,
    );
    expect(() => resolveUtterance(undefined as never, 'help')).to.throw(ModelError);
    const dir = mkdtempSync(join(tmpdir(), 'harness-model-'));
    try {
      writeFileSync(join(dir, 'broken.json'), '{ not json');
      writeFileSync(join(dir, 'other.json'), '{"interactionModel": {}}');
      expect(() => loadModel(join(dir, 'broken.json'))).to.throw(ModelError, /not JSON/);
      expect(() => loadModel(join(dir, 'other.json'))).to.throw(ModelError, /not an interaction/);
      expect(() => loadModel(join(dir, 'missing.json'))).to.throw(ModelError, /Cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
