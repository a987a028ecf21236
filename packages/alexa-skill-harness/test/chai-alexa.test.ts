import { AssertionError, expect, use } from 'chai';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { alexaAssertions, speechOf } from 'alexa-skill-harness';

use(alexaAssertions);

function reply(response: ResponseEnvelope['response']): ResponseEnvelope {
  return { version: '1.0', response };
}

const ssml = (text: string) => ({ type: 'SSML' as const, ssml: `<speak>${text}</speak>` });

function fails(check: () => void): void {
  expect(check).to.throw(AssertionError);
}

describe('the chai plugin for skill replies', () => {
  const spoken = reply({
    outputSpeech: ssml(
      'In Ham &amp; Eggs <break time="300ms"/> it will feel <emphasis>cold</emphasis>.',
    ),
    reprompt: { outputSpeech: { type: 'PlainText', text: 'Which city?' } },
    shouldEndSession: false,
  });

  it('compares speech with SSML stripped and entities decoded', () => {
    expect(speechOf(spoken)).to.equal('In Ham & Eggs it will feel cold.');
    expect(spoken).to.have.speech('In Ham & Eggs it will feel cold.');
    expect(spoken).to.have.speech(/feel cold/);
    fails(() => expect(spoken).to.have.speech(/warm/));
    fails(() => expect(spoken).to.have.speech('In Ham'));
  });

  it('chains assertions on one reply', () => {
    expect(spoken).to.have.speech(/cold/).and.to.keepSessionOpen();
    fails(() => expect(spoken).to.have.speech(/cold/).and.to.endSession());
  });

  it('supports negation', () => {
    expect(spoken).not.to.have.speech(/warm/);
    fails(() => expect(spoken).not.to.have.speech(/cold/));
  });

  it('checks the reprompt', () => {
    expect(spoken).to.have.reprompt('Which city?');
    fails(() => expect(reply({})).to.have.reprompt(/./));
  });

  it('checks a LinkAccount card', () => {
    expect(reply({ card: { type: 'LinkAccount' } })).to.have.linkAccountCard();
    fails(() => expect(spoken).to.have.linkAccountCard());
  });

  it('checks a permissions-consent card and its permissions', () => {
    const asking = reply({ card: { type: 'AskForPermissionsConsent', permissions: ['a', 'b'] } });
    expect(asking).to.have.permissionsConsentCard();
    expect(asking).to.have.permissionsConsentCard(['b', 'a']);
    fails(() => expect(asking).to.have.permissionsConsentCard(['a']));
    fails(() => expect(spoken).to.have.permissionsConsentCard());
  });

  it('checks Simple and Standard cards by type, title and text', () => {
    const standard = reply({
      card: { type: 'Standard', title: 'Boston: Tomorrow', text: 'Wear: a coat' },
    });
    const simple = reply({ card: { type: 'Simple', title: 'Hi', content: 'Hello' } });
    expect(standard).to.have.card({ type: 'Standard', title: /^Boston/, text: /coat/ });
    expect(simple).to.have.card({ type: 'Simple', text: 'Hello' });
    expect(simple).to.have.card();
    fails(() => expect(simple).to.have.card({ type: 'Standard' }));
    fails(() => expect(standard).to.have.card({ text: /umbrella/ }));
    fails(() => expect(reply({ card: { type: 'LinkAccount' } })).to.have.card());
  });

  it('checks an APL RenderDocument directive, and its token', () => {
    const apl = reply({
      directives: [
        { type: 'Alexa.Presentation.APL.RenderDocument', token: 'outfit', document: {} },
      ],
    });
    expect(apl).to.have.aplDirective();
    expect(apl).to.have.aplDirective('outfit');
    fails(() => expect(apl).to.have.aplDirective('other'));
    fails(() => expect(spoken).to.have.aplDirective());
  });

  it('checks whether the session ends or stays open', () => {
    expect(spoken).to.keepSessionOpen();
    expect(reply({ shouldEndSession: true })).to.endSession();
    fails(() => expect(spoken).to.endSession());
    fails(() => expect(reply({})).to.keepSessionOpen());
  });

  it('checks an elicited slot', () => {
    const eliciting = reply({ directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'city' }] });
    expect(eliciting).to.elicitSlot('city');
    fails(() => expect(eliciting).to.elicitSlot('date'));
  });

  it('says what the user heard, SSML decoded, whatever the assertion', () => {
    const heard = /heard "In Ham & Eggs it will feel cold\."/;
    expect(() => expect(spoken).to.have.linkAccountCard()).to.throw(heard);
    expect(() => expect(spoken).to.endSession()).to.throw(heard);
    expect(() => expect(spoken).to.elicitSlot('city')).to.throw(heard);
    expect(() => expect(spoken).to.have.reprompt('x')).to.throw(heard);
  });

  it('refuses what is not a response envelope', () => {
    expect(() => expect({ nope: 1 }).to.have.speech('x')).to.throw(TypeError);
  });
});
