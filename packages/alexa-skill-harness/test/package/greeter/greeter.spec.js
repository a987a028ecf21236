// The greeter's suite, as another skill's developer writes it: plain JavaScript, mocha and chai,
// and only the documented API of the installed alexa-skill-harness tarball.
import { expect, use } from 'chai';
import { fileURLToPath } from 'node:url';
import {
  alexaAssertions,
  conversation,
  inProcess,
  loadModel,
  mockAlexaApi,
  overHttp,
  resolveUtterance,
  serveOnLoopback,
  TestIssuer,
  tokenFailures,
} from 'alexa-skill-harness';
import { greeterBuilder, greeterHandler } from './greeter.js';

use(alexaAssertions);

const model = loadModel(fileURLToPath(new URL('./model.json', import.meta.url)));
const issuer = await TestIssuer.listen({ audience: 'https://greeter.example/api', scope: 'greet' });
const options = { issuer: issuer.url, audience: issuer.audience, scope: 'greet' };
const handler = greeterHandler(options);

describe('the greeter', () => {
  let api;
  beforeEach(async () => {
    api = await mockAlexaApi({ profile: { email: 'ada@example.com' } });
  });
  afterEach(() => api.close());
  after(() => issuer.close());

  const talk = (more = {}) =>
    conversation({
      transport: inProcess(handler),
      model,
      accessToken: issuer.mint(),
      apiEndpoint: api.apiEndpoint,
      ...more,
    });

  it('greets someone by name and ends the session', async () => {
    const reply = await talk().say('say hello to Ada');
    expect(reply).to.have.speech('Hello, Ada!').and.to.endSession();
    expect(reply).to.have.card({ type: 'Simple', text: 'Hello, Ada!' });
  });

  it('asks who to greet, and hears the bare answer', async () => {
    const alexa = talk();
    expect(await alexa.launch())
      .to.have.reprompt('Who should I greet?')
      .and.to.keepSessionOpen();
    expect(await alexa.say('say hello')).to.elicitSlot('name');
    expect(await alexa.say('Grace')).to.have.speech('Hello, Grace!');
  });

  it('hears spoken numbers as digits and synonyms as their value', async () => {
    expect(await talk().say('count to three')).to.have.speech('Counting to 3.');
    expect(await talk().say('I feel glad')).to.have.speech('You feel happy.');
  });

  it('reads the email from the Customer Profile API', async () => {
    expect(await talk().say('what is my email')).to.have.speech('Your email is ada@example.com.');
  });

  it('asks for the permission when the email is denied', async () => {
    const denied = await mockAlexaApi({ profile: 'denied' });
    try {
      const reply = await talk({ apiEndpoint: denied.apiEndpoint }).say('what is my email');
      expect(reply).to.have.permissionsConsentCard(['alexa::profile:email:read']);
    } finally {
      await denied.close();
    }
  });

  for (const failure of tokenFailures(issuer)) {
    it(`asks to link the account when the token is bad: ${failure.name}`, async () => {
      const reply = await talk({ accessToken: failure.token }).launch();
      expect(reply).to.have.linkAccountCard();
    });
  }

  it('fails with what the user heard', async () => {
    const reply = await talk().say('say hello to Ada');
    expect(() => expect(reply).to.have.linkAccountCard()).to.throw(/heard "Hello, Ada!"/);
  });

  it('is the same skill over HTTP', async () => {
    const endpoint = await serveOnLoopback(inProcess(handler));
    try {
      const reply = await talk({ transport: overHttp(endpoint.url) }).say('say hello to Ada');
      expect(reply).to.have.speech('Hello, Ada!');
    } finally {
      await endpoint.close();
    }
  });

  it('drives an older callback-style handler and an ask-sdk Skill', async () => {
    const builder = greeterBuilder(options);
    for (const target of [builder.lambda(), builder.create()]) {
      const reply = await talk({ transport: inProcess(target) }).say('say hello to Ada');
      expect(reply).to.have.speech('Hello, Ada!');
    }
  });

  it('resolves utterances as Alexa fills the slots', () => {
    const meaning = resolveUtterance(model, 'greet Ada', { today: '2026-12-02' });
    expect(meaning).to.deep.include({ kind: 'intent', name: 'GreetIntent' });
    expect(meaning.slots.name.value).to.equal('Ada');
  });
});
