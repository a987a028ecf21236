/**
 * The skill's intent suites, written once as conversations and run against any target: the skill
 * in-process or over HTTP with tokens from the test issuer (`npm test`), or with a real tenant's
 * keys and tokens from mint-token (`npm run test:live`).
 */
import { expect, use } from 'chai';
import { ADDRESS_PERMISSION, AUTH_OUTCOMES } from '../../../lambda/handlers/index.js';
import { alexaAssertions, type Conversation, type Transport } from 'alexa-skill-harness';
import {
  nockAlexaApi,
  skillConversation,
  type SkillConversationOptions,
  type TokenFailure,
} from '../../harness/index.js';

use(alexaAssertions);

/** What the suites run against. */
export interface SuiteTarget {
  /** Shown in the suite's title. */
  readonly name: string;
  /** Starts the skill for one test. */
  start(): Promise<{ readonly transport: Transport; stop?(): Promise<void> }>;
  /** The clock the requests carry (the skill's own clock must agree with it). */
  now(): number;
  /** A valid access token for the skill's API. */
  validToken(): Promise<string>;
  /** Makes the verifier's key set available for one test (offline: nock; live: nothing). */
  serveKeySet(): void;
  /** The bad tokens this target can make, each refused with a LinkAccount card. */
  readonly failures: readonly TokenFailure[];
}

const ADVICE = /feel like -?\d+ to -?\d+ degrees/;

/** Defines the intent suites for `target` (call inside a mocha file). */
export function intentSuites(target: SuiteTarget): void {
  describe(`the skill's intents (${target.name})`, function () {
    let stop: (() => Promise<void>) | undefined;
    let transport: Transport;

    beforeEach(async () => {
      const started = await target.start();
      transport = started.transport;
      stop = started.stop?.bind(started);
    });

    afterEach(async () => {
      await stop?.();
      stop = undefined;
    });

    function talk(options: Omit<SkillConversationOptions, 'transport' | 'now'> = {}): Conversation {
      return skillConversation({ transport, now: target.now(), ...options });
    }

    async function linked(): Promise<Conversation> {
      target.serveKeySet();
      return talk({ accessToken: await target.validToken() });
    }

    describe('with a linked account', () => {
      it('welcomes the user on launch and keeps the session open', async () => {
        const alexa = await linked();
        const reply = await alexa.launch();
        expect(reply).to.have.speech(/^Welcome to Weather Wardrobe/);
        expect(reply).to.have.reprompt(/what should I wear tomorrow in Chicago/);
        expect(reply).to.keepSessionOpen();
      });

      it('answers what to wear in a city tomorrow, with a Standard card, and ends the session', async () => {
        nockAlexaApi({ settings: { unit: 'CELSIUS' } });
        const alexa = await linked();
        const reply = await alexa.say('what should I wear in Boston tomorrow');
        expect(reply).to.have.speech(/(In Boston tomorrow|Tomorrow in Boston)/);
        expect(reply).to.have.speech(ADVICE);
        expect(reply).to.have.card({ type: 'Standard', title: /^Boston: Tomorrow/ });
        expect(reply).to.endSession();
      });

      it('answers a one-shot "ask weather wardrobe" for this weekend', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const reply = await alexa.say('ask weather wardrobe what to wear in Paris this weekend');
        expect(reply).to.have.speech(/Paris/);
        expect(reply).to.have.speech(ADVICE);
        // Both days answered: a weekend's card names the two.
        expect(reply).to.have.card({
          type: 'Standard',
          title: /^Paris: Saturday, .+ and Sunday, /,
        });
      });

      it('asks for the postal code by voice, keeping the day in the session', async () => {
        nockAlexaApi({ address: 'denied' });
        const alexa = await linked();
        const reply = await alexa.say('what should I wear tomorrow');
        const start = reply.response.directives?.find(
          (d) => d.type === 'Connections.StartConnection',
        );
        expect(start).to.deep.include({ uri: 'connection://AMAZON.AskForPermissionsConsent/2' });
        expect(reply).not.to.have.permissionsConsentCard();
        expect(alexa.sessionOpen).to.equal(true);
        expect(alexa.sessionAttributes).to.have.nested.property('question.date');
      });

      it('asks which city, with the consent card, when the user says no by voice', async () => {
        nockAlexaApi({ address: 'denied' });
        const alexa = await linked();
        await alexa.say('what should I wear tomorrow');
        nockAlexaApi({ address: 'denied' });
        const reply = await alexa.resume({ status: 'DENIED' });
        expect(reply).to.have.permissionsConsentCard([ADDRESS_PERMISSION]);
        expect(reply).to.have.speech(/^Which city should I check\?/);
        expect(reply).to.elicitSlot('city').and.to.keepSessionOpen();
      });

      it('answers the city given on the next turn for the kept day, in the same session', async () => {
        nockAlexaApi({ address: 'denied' });
        const alexa = await linked();
        await alexa.say('what should I wear tomorrow');
        nockAlexaApi({ address: 'denied' });
        await alexa.resume({ status: 'NOT_ANSWERED' });
        const reply = await alexa.say('Boston');
        expect(reply).to.have.speech(/(In Boston tomorrow|Tomorrow in Boston)/);
        const [first, , third] = alexa.turns;
        expect(first?.request.session?.new).to.equal(true);
        expect(third?.request.session?.new).to.equal(false);
        expect(third?.request.session?.sessionId).to.equal(first?.request.session?.sessionId);
        expect(third?.request.session?.attributes).to.have.nested.property('question.date');
        expect(reply.sessionAttributes ?? {}).not.to.have.property('question');
      });

      it('answers from the postal code once the user approves by voice', async () => {
        nockAlexaApi({ address: 'denied' });
        const alexa = await linked();
        await alexa.say('do I need an umbrella tomorrow');
        const mock = nockAlexaApi({ address: 'granted' });
        const reply = await alexa.resume({ status: 'ACCEPTED' });
        expect(mock.address?.isDone()).to.equal(true);
        expect(reply).to.have.speech(/^(Yes|No|Maybe|Not an umbrella)/);
        expect(reply).to.have.speech(ADVICE);
        expect(reply).to.endSession();
      });

      it("uses the device's postal code when the user granted it", async () => {
        const mock = nockAlexaApi({ address: 'granted' });
        const alexa = await linked();
        const reply = await alexa.say('what should I wear');
        expect(mock.address?.isDone()).to.equal(true);
        expect(reply).to.have.speech(ADVICE);
      });

      it('asks which city, without the card again, when the API still refuses after an approval', async () => {
        nockAlexaApi({ address: 'denied' });
        const alexa = await linked();
        await alexa.say('what should I wear tomorrow');
        nockAlexaApi({ address: 'denied' });
        const reply = await alexa.resume({ status: 'ACCEPTED' });
        expect(reply).to.have.speech(/^I still can't read your device's postal code\. Which city/);
        expect(reply).not.to.have.permissionsConsentCard();
        expect(reply).to.elicitSlot('city');
        expect(await alexa.say('Oslo')).to.have.speech(/(In Oslo tomorrow|Tomorrow in Oslo)/);
      });

      it('asks which city, without a permission card, when the device has no address', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        const reply = await alexa.say('what should I wear');
        expect(reply).to.have.speech(/Which city/);
        expect(reply).not.to.have.permissionsConsentCard();
      });

      it('asks which city when the address API fails', async () => {
        nockAlexaApi({ address: 'unreachable' });
        const alexa = await linked();
        const reply = await alexa.say('what should I wear today');
        expect(reply).to.have.speech(/Which city/);
        expect(reply).to.keepSessionOpen();
      });

      it('still answers when the Settings API fails', async () => {
        nockAlexaApi({ settings: 'failing' });
        const alexa = await linked();
        const reply = await alexa.say('what should I wear in Oslo');
        expect(reply).to.have.speech(ADVICE);
      });

      it('asks which day for a season that is over, and takes a bare day for an answer', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const asked = await alexa.say('what should I wear this summer in Paris');
        expect(asked).to.have.speech(/already over/);
        expect(asked).to.elicitSlot('date').and.to.keepSessionOpen();
        nockAlexaApi();
        const reply = await alexa.say('Saturday');
        expect(reply).to.have.speech(/Paris/);
        expect(reply).to.have.speech(ADVICE);
        // The one day said, not the weekend.
        expect(reply).to.have.card({
          type: 'Standard',
          title: /^Paris: Saturday, [A-Z][a-z]+ \d+\w\w$/,
        });
      });

      it('answers an item question about the item first', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const reply = await alexa.say('can I wear shorts in Oslo tomorrow');
        expect(reply).to.have.speech(/^(Yes|Not tomorrow)/);
        expect(reply).to.have.speech(ADVICE);
      });

      it('answers a trip said first, for the city and the day it names', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const reply = await alexa.say("I'm flying to Denver on Friday what should I pack");
        expect(reply)
          .to.have.speech(/Denver/)
          .and.to.have.speech(/Friday/);
        expect(reply).to.have.speech(ADVICE);
        expect(reply).to.have.card({ type: 'Standard', title: /^Denver: Friday, / });
      });

      it('answers an ask wrapped in "can you tell me", about the item first', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const reply = await alexa.say('can you tell me if I need an umbrella in Boston tomorrow');
        expect(reply).to.have.speech(/^(Yes|No)\b/);
        expect(reply).to.have.speech(/(In Boston tomorrow|Tomorrow in Boston)/);
      });

      it('answers "is it okay to wear shorts" about the shorts first', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const reply = await alexa.say('is it okay to wear shorts in Oslo today');
        expect(reply).to.have.speech(/^(Yes|Not today)/);
        expect(reply).to.have.speech(ADVICE);
      });

      it('answers for Saturday and Sunday this weekend', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const reply = await alexa.say('what should I wear in Oslo this weekend');
        expect(reply)
          .to.have.speech(/Saturday/)
          .and.to.have.speech(/Sunday/);
        expect(reply).to.have.card({ type: 'Standard', title: /^Oslo: Saturday, .+ and Sunday, / });
      });
    });

    describe('every question the skill asks takes a bare answer', () => {
      it('"Which city?" (no address on the device) takes "Boston"', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        const asked = await alexa.say('do I need a jacket on Saturday');
        expect(asked).to.have.speech(/^Which city should I check on Saturday\?/);
        expect(asked).to.elicitSlot('city').and.to.keepSessionOpen();
        const reply = await alexa.say('Boston');
        expect(reply)
          .to.have.speech(/^(Yes|No|You'll want)/)
          .and.to.have.speech(/Boston on Saturday|Saturday in Boston/);
        expect(reply).to.endSession();
      });

      it('"Which city?" takes a day and a city together, the new day winning', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        await alexa.say('what should I wear on Saturday');
        const reply = await alexa.say('tomorrow in Boston');
        expect(reply).to.have.speech(/(In Boston tomorrow|Tomorrow in Boston)/);
      });

      it('"Which city?" takes stop, and says goodbye', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        await alexa.say('what should I wear');
        const reply = await alexa.say('stop');
        expect(reply).to.have.speech('Goodbye.').and.to.endSession();
      });

      it('"Which city?" takes help, asks again, and still takes a bare city', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        await alexa.say('do I need an umbrella on Saturday');
        const helped = await alexa.say('help');
        expect(helped).to.have.speech(
          /what to wear and what to bring.*Which city should I check\?$/,
        );
        expect(helped).to.elicitSlot('city').and.to.keepSessionOpen();
        const reply = await alexa.say('Boston');
        expect(reply).to.have.speech(/Boston on Saturday|Saturday in Boston/);
        expect(reply).to.have.speech(/^(Yes|No|Maybe)/);
      });

      it('"Which city?" takes a whole new request instead', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        await alexa.say('what should I wear');
        nockAlexaApi();
        const reply = await alexa.say('is it going to rain in Portland tomorrow');
        expect(reply)
          .to.have.speech(/Portland/)
          .and.to.have.speech(ADVICE);
      });

      it('"Which city?" asks again after words it cannot place', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        await alexa.say('what should I wear');
        const missed = await alexa.say('play some jazz');
        expect(missed).to.have.speech(/^Sorry, I didn't get that\. Which city should I check\?$/);
        expect(missed).to.elicitSlot('city');
        nockAlexaApi();
        expect(await alexa.say('Oslo')).to.have.speech(ADVICE);
      });

      it('"I couldn\'t find that place" takes another city', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const asked = await alexa.say('what should I wear in Atlantis tomorrow');
        expect(asked).to.have.speech(/couldn't find a place called Atlantis/);
        expect(asked).to.elicitSlot('city').and.to.keepSessionOpen();
        nockAlexaApi();
        const reply = await alexa.say('in Boston');
        expect(reply).to.have.speech(/(In Boston tomorrow|Tomorrow in Boston)/);
      });

      it('"Which day?" for a period beyond the forecast takes "tomorrow"', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const asked = await alexa.say('what should I wear in Oslo next year');
        expect(asked).to.have.speech(
          /The forecast only goes \d+ days ahead.*Which day should I check\?$/,
        );
        expect(asked).to.elicitSlot('date');
        nockAlexaApi();
        const reply = await alexa.say('tomorrow');
        expect(reply).to.have.speech(/(In Oslo tomorrow|Tomorrow in Oslo)/);
      });

      it('the welcome question takes an item question', async () => {
        nockAlexaApi();
        const alexa = await linked();
        await alexa.launch();
        const reply = await alexa.say('do I need a coat in Chicago');
        expect(reply)
          .to.have.speech(/^(Yes|No)/)
          .and.to.have.speech(/Chicago/);
      });

      it('the fallback keeps listening and takes a request', async () => {
        const alexa = await linked();
        const missed = await alexa.say('what should I cook for dinner');
        expect(missed)
          .to.have.speech(/^Sorry, I can't help with that/)
          .and.to.keepSessionOpen();
        nockAlexaApi();
        expect(await alexa.say('what should I wear in Oslo')).to.have.speech(ADVICE);
      });
    });

    describe('days and periods', () => {
      it('"Which day?" for a date value Alexa never sends takes a bare day', async () => {
        nockAlexaApi();
        const alexa = await linked();
        const asked = await alexa.intent('WhatShouldIWearIntent', {
          city: 'Oslo',
          date: 'soonish',
        });
        expect(asked)
          .to.have.speech(
            'I can tell you what to wear for a day or a weekend in the next two weeks, like today, tomorrow or Saturday. Which day should I check?',
          )
          .and.to.elicitSlot('date');
        nockAlexaApi();
        expect(await alexa.say('on Saturday')).to.have.speech(/Oslo on Saturday|Saturday in Oslo/);
      });

      it('says which day of a later period it answers', async () => {
        nockAlexaApi();
        const reply = await (await linked()).say('what should I wear in Oslo next week');
        expect(reply)
          .to.have.speech(/^That week starts on Monday\. /)
          .and.to.have.speech(ADVICE);
      });

      it('says a season is over in the words of the locale (autumn in en-GB)', async () => {
        nockAlexaApi();
        const us = await linked();
        const reply = await us.intent('WhatShouldIWearIntent', { city: 'Leeds', date: '2025-FA' });
        expect(reply).to.have.speech(/^That fall is already over\./);
        const british = talk({ locale: 'en-GB', accessToken: await target.validToken() });
        nockAlexaApi();
        const replyGb = await british.intent('WhatShouldIWearIntent', {
          city: 'Leeds',
          date: '2025-FA',
        });
        expect(replyGb).to.have.speech(/^That autumn is already over\./);
      });
    });

    describe('what people say', () => {
      for (const said of [
        'do I need a jacket today in Chicago',
        'should I wear shorts today in Miami',
        'will I need an umbrella today in Seattle',
        'what should I wear to work today in Boston',
        'what clothes should I wear in Austin today',
        'is it going to rain in Portland tomorrow',
        'ask weather wardrobe to tell me what to wear in Denver',
      ]) {
        it(`answers "${said}"`, async () => {
          nockAlexaApi();
          const reply = await (await linked()).say(said);
          expect(reply).to.have.speech(ADVICE).and.to.endSession();
        });
      }

      it('answers an item it does not know with the general advice, and says so', async () => {
        nockAlexaApi();
        const reply = await (await linked()).say('should I take the bus in Oslo tomorrow');
        expect(reply).to.have.speech(/^I can't say about the bus, but here's what to wear\./);
        expect(reply).to.have.speech(ADVICE);
      });

      it('owns up to an item it does not know before asking for the postal code', async () => {
        nockAlexaApi({ address: 'denied' });
        const reply = await (await linked()).say('do I need a visa');
        expect(reply).to.have.speech(
          /^I can't say about a visa, but I can tell you what to wear\. To check the weather where you are/,
        );
        expect(
          reply.response.directives?.some((d) => d.type === 'Connections.StartConnection'),
        ).to.equal(true);
      });

      it('owns up to it before "I couldn\'t find that place"', async () => {
        nockAlexaApi();
        const asked = await (await linked()).say('do I need a visa in Atlantis tomorrow');
        expect(asked).to.have.speech(
          /^I can't say about a visa, but I can tell you what to wear\. I couldn't find a place called Atlantis/,
        );
      });

      it('owns up to it once, before the first question of several, and again with the answer', async () => {
        nockAlexaApi(); // the day is asked for first, before any address call
        const alexa = await linked();
        const asked = await alexa.say('do I need a visa this summer');
        expect(asked).to.have.speech(/^I can't say about a visa\. That summer is already over\./);
        nockAlexaApi({ address: 'absent' });
        const city = await alexa.say('Saturday');
        expect(city).to.have.speech(/^Which city should I check on Saturday\?/);
        nockAlexaApi();
        const reply = await alexa.say('Boston');
        expect(reply).to.have.speech(/^I can't say about a visa, but here's what to wear\./);
        expect(reply).to.have.speech(ADVICE);
      });

      it('owns up to it before "Which city?", and again with the answer', async () => {
        nockAlexaApi({ address: 'absent' });
        const alexa = await linked();
        const asked = await alexa.say('do I need a visa tomorrow');
        expect(asked).to.have.speech(
          /^I can't say about a visa, but I can tell you what to wear\. Which city should I check tomorrow\?/,
        );
        const reply = await alexa.say('Boston');
        expect(reply).to.have.speech(/^I can't say about a visa, but here's what to wear\./);
        expect(reply).to.have.speech(ADVICE);
      });
    });

    describe('without an account', () => {
      it('asks the user to link, with a LinkAccount card', async () => {
        const reply = await talk().say('what should I wear in Boston');
        expect(reply).to.have.speech(AUTH_OUTCOMES.ERR_TOKEN_MISSING.speech);
        expect(reply).to.have.linkAccountCard();
        expect(reply).to.endSession();
      });

      it('asks the user to link on launch too', async () => {
        const reply = await talk().say('open weather wardrobe');
        expect(reply).to.have.linkAccountCard();
        expect(reply).to.have.speech(AUTH_OUTCOMES.ERR_TOKEN_MISSING.speech);
      });

      it('helps, and keeps the session open', async () => {
        const reply = await talk().say('help');
        expect(reply).to.have.speech(/what to wear and what to bring/);
        expect(reply).to.keepSessionOpen();
        expect(reply).not.to.have.card();
      });

      it('says goodbye on stop and ends the session', async () => {
        const alexa = talk();
        await alexa.say('help');
        const reply = await alexa.say('stop');
        expect(reply).to.have.speech('Goodbye.');
        expect(reply).to.endSession();
        expect(alexa.sessionOpen).to.equal(false);
      });

      it('says goodbye on cancel', async () => {
        expect(await talk().say('never mind')).to.have.speech('Goodbye.');
      });

      it('answers what it cannot understand with the fallback', async () => {
        const reply = await talk().say('what is the capital of France');
        expect(reply).to.have.speech(/can't help with that/);
        expect(reply).to.have.reprompt(/what should I wear in Chicago tomorrow/);
      });

      it('answers the end of a session with nothing to say', async () => {
        const alexa = talk();
        await alexa.say('help');
        const reply = await alexa.end();
        expect(reply.response.outputSpeech).to.equal(undefined);
      });
    });

    describe('refusing bad tokens', () => {
      for (const failure of target.failures) {
        it(`refuses a token (${failure.name}, ${failure.code}) with a LinkAccount card`, async () => {
          if (failure.needsKeySet) target.serveKeySet();
          const alexa = talk({ accessToken: failure.token() });
          const reply = await alexa.say('what should I wear in Boston tomorrow');
          expect(reply).to.have.speech(AUTH_OUTCOMES[failure.code].speech);
          expect(reply).to.have.linkAccountCard();
          expect(reply).not.to.have.speech(ADVICE);
        });
      }
    });
  });
}
