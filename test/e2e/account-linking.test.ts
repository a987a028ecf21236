import { expect } from 'chai';
import {
  AccountLinkError,
  callTokenUrl,
  createAlexaAccountLink,
  createSimulator,
  createUtteranceResolver,
} from '../../scripts/local-stack/index.js';
import { loadLocaleModel } from '../../tools/utterances/index.js';
import { expireAccessToken, kidOf, startTestStack, type TestStack } from './support.js';

describe('e2e: account linking through the proxy, over real HTTP', () => {
  let t: TestStack;
  beforeEach(async () => {
    t = await startTestStack();
  });
  afterEach(async () => {
    await t.stack.stop();
  });

  it('links with an authorization code and PKCE exchanged through the proxy', async () => {
    const tokens = await t.account.link();
    expect(tokens.refreshToken).to.be.a('string');
    expect(tokens.expiresIn).to.equal(3600);
    expect(t.stack.issuer.issued.authorization_code).to.equal(1);
    expect(t.stack.proxyExchanges().at(-1)).to.include({
      grantType: 'authorization_code',
      status: 200,
      expiresInSource: 'upstream',
    });
  });

  it('answers with advice for a linked account', async () => {
    await t.account.link();
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.tokenSent).to.equal(true);
    expect(turn.answer.linkAccountNeeded).to.equal(false);
    expect(turn.answer.card?.type).to.equal('Standard');
    expect(turn.answer.card?.title).to.match(/^Paris: Tomorrow/);
    expect(turn.answer.card?.text).to.include('Demo forecast');
  });

  it('asks an unlinked user to link, with a LinkAccount card', async () => {
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.tokenSent).to.equal(false);
    expect(turn.answer.linkAccountNeeded).to.equal(true);
  });

  it('leaves expires_in out of refresh answers at the issuer itself', async () => {
    const tokens = await t.account.link();
    const direct = await callTokenUrl(
      {
        authorizationUrl: t.stack.issuer.authorizeUrl,
        accessTokenUrl: t.stack.issuer.tokenUrl,
        clientId: t.stack.alexaClient.clientId,
        clientSecret: t.stack.alexaClient.clientSecret,
        redirectUri: t.stack.alexaClient.redirectUri,
        scopes: [],
      },
      { grant_type: 'refresh_token', refresh_token: tokens.refreshToken ?? '' },
    );
    expect(direct.expiresIn).to.equal(undefined);
  });

  it('refreshes an expired token through the proxy, which supplies the missing expires_in', async () => {
    await t.account.link();
    expireAccessToken(t);
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.refresh?.ok).to.equal(true);
    expect(t.stack.proxyExchanges().at(-1)).to.deep.include({
      grantType: 'refresh_token',
      status: 200,
      upstreamExpiresIn: 'missing',
      expiresInSource: 'token-exp',
      expiresIn: 3540,
    });
    expect(t.account.tokens()?.expiresIn).to.equal(3540);
  });

  it('asks again with the refreshed token and gets advice', async () => {
    const first = await t.account.link();
    expireAccessToken(t);
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    const sent = turn.request.context.System.user.accessToken;
    expect(sent).to.be.a('string').and.not.equal(first.accessToken);
    expect(sent).to.equal(t.account.tokens()?.accessToken);
    expect(turn.answer.card?.type).to.equal('Standard');
  });

  it('refreshes only once the token has expired by its expires_in', async () => {
    await t.account.link();
    t.clock.advance(3599_000);
    const turn = await t.simulator.say('what should I wear in Paris');
    expect(turn.refresh).to.equal(undefined);
    expect(t.stack.issuer.issued.refresh_token).to.equal(0);
  });

  it('without the proxy, Alexa gets no expires_in, never refreshes, and the skill sees an expired token', async () => {
    const direct = createAlexaAccountLink({
      settings: {
        authorizationUrl: `${t.stack.issuer.authorizeUrl}?audience=https%3A%2F%2Fwhatshouldiwear`,
        accessTokenUrl: t.stack.issuer.tokenUrl,
        clientId: t.stack.alexaClient.clientId,
        clientSecret: t.stack.alexaClient.clientSecret,
        redirectUri: t.stack.alexaClient.redirectUri,
        scopes: t.stack.alexaClient.scopes,
      },
      now: () => t.clock.now(),
    });
    await direct.link();
    await direct.refresh(); // the refresh answer has no expires_in
    expect(direct.tokens()?.expiresAt).to.equal(undefined);
    t.clock.advance(86_400_000);
    const simulator = createSimulator({
      skillUrl: t.stack.skill.url,
      account: direct,
      resolve: createUtteranceResolver(loadLocaleModel('en-US')),
      timeZone: 'UTC',
      now: () => t.clock.now(),
    });
    const turn = await simulator.say('what should I wear in Paris');
    expect(turn.refresh).to.equal(undefined);
    expect(turn.answer.linkAccountNeeded).to.equal(true);
    expect(turn.answer.speech).to.match(/expired/);
  });

  it('a revoked refresh token ends in a LinkAccount card', async () => {
    const tokens = await t.account.link();
    t.stack.issuer.switches.revokeRefreshToken(tokens.refreshToken ?? '');
    expireAccessToken(t);
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.refresh?.ok).to.equal(false);
    if (turn.refresh?.ok === false) {
      expect(turn.refresh.error).to.be.instanceOf(AccountLinkError);
      expect(turn.refresh.error.code).to.equal('ERR_TOKEN_URL_REFUSED');
      expect(turn.refresh.error.answer).to.deep.equal({ status: 400, error: 'invalid_grant' });
    }
    expect(turn.request.context.System.user.accessToken).to.equal(tokens.accessToken);
    expect(turn.answer.linkAccountNeeded).to.equal(true);
    expect(turn.answer.speech).to.match(/expired/);
  });

  it('after the issuer rotates its key, the skill fetches the new key once and keeps working', async () => {
    await t.account.link();
    await t.simulator.say('what should I wear in Paris');
    expect(t.stack.keySetFetches()).to.equal(1);
    const oldKid = t.stack.issuer.currentKid();
    const newKid = await t.stack.issuer.switches.rotateKeys();
    t.clock.advance(61_000); // past the skill's "kid missing from a set fetched within a minute" rule
    const refreshed = await t.account.refresh();
    expect(refreshed.ok).to.equal(true);
    expect(kidOf(t.account.tokens()?.accessToken ?? ''))
      .to.equal(newKid)
      .and.not.equal(oldKid);
    const first = await t.simulator.say('what should I wear in Paris');
    const second = await t.simulator.say('what should I wear in Rome');
    expect(first.answer.card?.type).to.equal('Standard');
    expect(second.answer.card?.type).to.equal('Standard');
    expect(t.stack.keySetFetches()).to.equal(2);
  });
});

describe('e2e: what Alexa sees when the proxy or the issuer is down', () => {
  let t: TestStack;
  beforeEach(async () => {
    t = await startTestStack();
  });
  afterEach(async () => {
    await t.stack.stop();
  });

  it('linking fails: the access token URL is unreachable', async () => {
    await t.stack.proxy.stop();
    let error: unknown;
    try {
      await t.account.link();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(AccountLinkError);
    expect((error as AccountLinkError).code).to.equal('ERR_TOKEN_URL_UNREACHABLE');
  });

  it('a token still valid keeps working without the proxy', async () => {
    await t.account.link();
    await t.stack.proxy.stop();
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.answer.card?.type).to.equal('Standard');
  });

  it('an expired token cannot be refreshed: Alexa sends it anyway and the skill asks to link', async () => {
    await t.account.link();
    await t.stack.proxy.stop();
    expireAccessToken(t);
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.refresh?.ok).to.equal(false);
    if (turn.refresh?.ok === false)
      expect(turn.refresh.error.code).to.equal('ERR_TOKEN_URL_UNREACHABLE');
    expect(turn.answer.linkAccountNeeded).to.equal(true);
  });

  it('with the issuer down, the proxy answers 502 and the skill asks to link', async () => {
    await t.account.link();
    await t.simulator.say('what should I wear in Paris'); // the key is cached
    await t.stack.issuer.stop();
    expireAccessToken(t);
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.refresh?.ok).to.equal(false);
    if (turn.refresh?.ok === false) expect(turn.refresh.error.answer?.status).to.equal(502);
    expect(turn.answer.linkAccountNeeded).to.equal(true);
  });

  it('with the skill endpoint down, Alexa says there was a problem with the skill', async () => {
    await t.account.link();
    await t.stack.skill.stop();
    const turn = await t.simulator.say('what should I wear in Paris tomorrow');
    expect(turn.failure?.code).to.equal('ERR_SKILL_UNREACHABLE');
    expect(turn.answer.speech).to.equal("There was a problem with the requested skill's response.");
  });
});
