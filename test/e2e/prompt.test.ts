import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { runLine, runPrompt, type PromptContext } from '../../scripts/local-stack/index.js';
import { startTestStack, type TestStack } from './support.js';

describe('e2e: the prompt’s commands', () => {
  let t: TestStack;
  let ctx: PromptContext;
  beforeEach(async () => {
    t = await startTestStack();
    await t.account.link();
    ctx = { stack: t.stack, account: t.account, simulator: t.simulator };
  });
  afterEach(async () => {
    await t.stack.stop();
  });
  const run = async (line: string): Promise<string> => (await runLine(ctx, line)).lines.join('\n');

  it('answers an utterance with what was heard and what Alexa says', async () => {
    const out = await run('what should I wear in Paris tomorrow');
    expect(out).to.include('[heard: WhatShouldIWearIntent city=Paris date=2026-11-26');
    expect(out).to.match(/^Alexa: .*Paris/m);
    expect(out).to.include('Card: Paris: Tomorrow');
  });

  it('/expire moves the token clock past the expiry, and the next turn says it refreshed through the proxy', async () => {
    const before = t.clock.now();
    expect(await run('/expire')).to.include('the access token expired');
    expect(t.clock.now() - before).to.equal(3_610_000);
    const out = await run('what should I wear in Paris');
    expect(out).to.include('Alexa refreshed it through the proxy');
    expect(out).to.include('the issuer sent no expires_in; the proxy supplied expires_in=3540');
  });

  it('/unlink makes the skill ask to link, with a LinkAccount card', async () => {
    await run('/unlink');
    const out = await run('what should I wear in Paris');
    expect(out).to.include('no access token (not linked)');
    expect(out).to.include('Card: LinkAccount');
  });

  it('/relink links again through the proxy', async () => {
    await run('/unlink');
    expect(await run('/relink')).to.include('Linked the test account');
    expect(t.stack.issuer.issued.authorization_code).to.equal(2);
    expect(await run('what should I wear in Paris')).to.include('access token sent');
  });

  it('/claims shows the issuer, audience, scope and expiry of the current token', async () => {
    const out = await run('/claims');
    expect(out).to.include(`iss: ${t.stack.issuer.url}`);
    expect(out).to.include('aud: https://whatshouldiwear');
    expect(out).to.include('scope: openid offline_access read:whattowear');
    expect(out).to.match(/exp: \d+ = .* \(in 1 h 0 min 0 s\)/);
  });

  it('/tokens prints the tokens for the curl lines', async () => {
    const out = await run('/tokens');
    expect(out).to.include(`ACCESS_TOKEN=${t.account.tokens()?.accessToken ?? 'x'}`);
    expect(out).to.include(`REFRESH_TOKEN=${t.account.tokens()?.refreshToken ?? 'x'}`);
  });

  it('/help lists every command', async () => {
    const out = await run('/help');
    for (const command of ['/expire', '/unlink', '/relink', '/claims', '/help', '/quit']) {
      expect(out).to.include(command);
    }
  });

  it('an unknown command says so and changes nothing', async () => {
    expect(await run('/nope')).to.include('Unknown command');
  });

  it('asks for the postal code by voice, then for a city when refused, and takes a bare city', async () => {
    const asked = await run('what should I wear on Saturday');
    expect(asked).to.include("I need your device's postal code");
    expect(asked).to.include("Amazon's consent skill");
    const refused = await run('no');
    expect(refused).to.include('SessionResumedRequest (consent: DENIED)');
    expect(refused).to.include('Which city should I check?');
    expect(refused).to.include('Alexa keeps listening');
    const answered = await run('London');
    expect(answered).to.include('heard: WhatShouldIWearIntent city=London date=');
    expect(answered).to.include('Card: London');
  });

  it('answers from the device postal code once the user approves by voice', async () => {
    expect(await run('what should I wear')).to.include("Amazon's consent skill");
    const approved = await run('I approve');
    expect(approved).to.include('SessionResumedRequest (consent: ACCEPTED)');
    expect(approved).to.include('Card: 60601');
  });

  it('the prompt runs piped lines in order and stops at /quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    input.end('help\n/quit\nwhat should I wear in Paris\n');
    await runPrompt(ctx, { input, output, terminal: false });
    expect(text).to.include('You> help\n');
    expect(text).to.include('You> /quit\n');
    expect(text).to.not.include('You> what should I wear in Paris');
  });

  it('the prompt ends when its signal aborts', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const controller = new AbortController();
    const done = runPrompt(ctx, { input, output, terminal: false, signal: controller.signal });
    controller.abort();
    await done;
  });
});
