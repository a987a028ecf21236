/**
 * Assertions on a skill's response envelope, as a chai plugin:
 *
 * ```ts
 * chai.use(alexaAssertions);
 * expect(reply).to.have.speech(/Hello/).and.to.keepSessionOpen();
 * expect(reply).to.have.linkAccountCard();
 * ```
 *
 * Speech and reprompt compare the spoken text: SSML tags stripped, entities decoded, whitespace
 * collapsed. A string must equal it; a RegExp must match it. Every failure says what the user
 * heard.
 */
import type { Directive, ResponseEnvelope, ui } from 'ask-sdk-model';

type Expected = string | RegExp;

/** What a card assertion can check. */
export interface CardExpectation {
  readonly type?: 'Simple' | 'Standard';
  readonly title?: Expected;
  /** A Simple card's `content` or a Standard card's `text`. */
  readonly text?: Expected;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- chai's own typings use this namespace
  namespace Chai {
    interface Assertion {
      /** The spoken text (SSML stripped) equals `expected`, or matches it. */
      speech(expected: string | RegExp): Assertion;
      /** The reprompt's spoken text equals `expected`, or matches it. */
      reprompt(expected: string | RegExp): Assertion;
      /** A `LinkAccount` card. */
      linkAccountCard(): Assertion;
      /** An `AskForPermissionsConsent` card, with exactly `permissions` when given. */
      permissionsConsentCard(permissions?: readonly string[]): Assertion;
      /** A Simple or Standard card, with the given type, title and text. */
      card(expected?: {
        type?: 'Simple' | 'Standard';
        title?: string | RegExp;
        text?: string | RegExp;
      }): Assertion;
      /** An `Alexa.Presentation.APL.RenderDocument` directive (with this `token`, when given). */
      aplDirective(token?: string): Assertion;
      /** `shouldEndSession` is true. */
      endSession(): Assertion;
      /** `shouldEndSession` is false: Alexa listens for the user's answer. */
      keepSessionOpen(): Assertion;
      /** A `Dialog.ElicitSlot` directive for `slot`. */
      elicitSlot(slot: string): Assertion;
    }
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The words of an output speech: SSML tags stripped, entities decoded, spaces collapsed. */
export function spokenText(speech: ui.OutputSpeech | undefined): string | undefined {
  if (speech === undefined) return undefined;
  const raw = speech.type === 'SSML' ? speech.ssml.replace(/<[^>]*>/g, ' ') : speech.text;
  return raw
    .replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (e) =>
      e.startsWith('&#') ? String.fromCodePoint(Number(e.slice(2, -1))) : (ENTITIES[e] ?? e),
    )
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,!?;:])/g, '$1')
    .trim();
}

/** What the user would hear in `reply`. */
export function speechOf(reply: ResponseEnvelope): string | undefined {
  return spokenText(reply.response.outputSpeech);
}

/** The reprompt of `reply`, as heard. */
export function repromptOf(reply: ResponseEnvelope): string | undefined {
  return spokenText(reply.response.reprompt?.outputSpeech);
}

function matches(actual: string | undefined, expected: Expected): boolean {
  if (actual === undefined) return false;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

function describe(expected: Expected): string {
  return typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
}

function directives(reply: ResponseEnvelope): readonly Directive[] {
  return reply.response.directives ?? [];
}

function isEnvelope(value: unknown): value is ResponseEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { response?: unknown }).response === 'object'
  );
}

/** What an assertion method's `this` offers (chai's `Assertion`, structurally). */
export interface AssertionContext {
  assert(
    passed: boolean,
    message: string,
    negatedMessage: string,
    expected?: unknown,
    actual?: unknown,
  ): void;
}

/** The part of chai the plugin uses (structural: the package needs no chai types). */
export interface ChaiLike {
  readonly Assertion: {
    addMethod(
      name: string,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- chai's own signature: any arguments
      method: (this: AssertionContext, ...args: any[]) => void,
    ): void;
  };
}

/** The part of chai's utils the plugin uses. */
export interface ChaiUtilsLike {
  flag(assertion: object, key: string): unknown;
}

/** The chai plugin: `chai.use(alexaAssertions)`. */
export const alexaAssertions = (chai: ChaiLike, utils: ChaiUtilsLike): void => {
  const { Assertion } = chai;
  const reply = (assertion: AssertionContext): ResponseEnvelope => {
    const obj: unknown = utils.flag(assertion, 'object');
    if (!isEnvelope(obj)) {
      throw new TypeError(
        `expected a response envelope ({ version, response }) but got ${obj === null ? 'null' : typeof obj}`,
      );
    }
    return obj;
  };
  /** `; heard "..."`: what the user heard, for failure messages. */
  const heard = (assertion: AssertionContext): string =>
    `; heard ${JSON.stringify(speechOf(reply(assertion)) ?? null)}`;

  Assertion.addMethod('speech', function (this: AssertionContext, expected: Expected) {
    const actual = speechOf(reply(this));
    this.assert(
      matches(actual, expected),
      `expected speech ${describe(expected)} but heard ${JSON.stringify(actual)}`,
      `expected speech not to be ${describe(expected)}`,
      expected,
      actual,
    );
  });

  Assertion.addMethod('reprompt', function (this: AssertionContext, expected: Expected) {
    const actual = repromptOf(reply(this));
    this.assert(
      matches(actual, expected),
      `expected reprompt ${describe(expected)} but it was ${JSON.stringify(actual)}${heard(this)}`,
      `expected reprompt not to be ${describe(expected)}`,
      expected,
      actual,
    );
  });

  Assertion.addMethod('linkAccountCard', function (this: AssertionContext) {
    const card = reply(this).response.card;
    this.assert(
      card?.type === 'LinkAccount',
      `expected a LinkAccount card but got ${JSON.stringify(card)}${heard(this)}`,
      `expected no LinkAccount card${heard(this)}`,
      'LinkAccount',
      card?.type,
    );
  });

  Assertion.addMethod(
    'permissionsConsentCard',
    function (this: AssertionContext, permissions?: readonly string[]) {
      const card = reply(this).response.card;
      const granted = card?.type === 'AskForPermissionsConsent' ? card.permissions : undefined;
      const ok =
        granted !== undefined &&
        (permissions === undefined ||
          (granted.length === permissions.length && permissions.every((p) => granted.includes(p))));
      this.assert(
        ok,
        `expected an AskForPermissionsConsent card${permissions ? ` for ${permissions.join(', ')}` : ''} but got ${JSON.stringify(card)}${heard(this)}`,
        `expected no AskForPermissionsConsent card${heard(this)}`,
        permissions,
        granted,
      );
    },
  );

  Assertion.addMethod('card', function (this: AssertionContext, expected: CardExpectation = {}) {
    const card = reply(this).response.card;
    const text =
      card?.type === 'Simple' ? card.content : card?.type === 'Standard' ? card.text : undefined;
    const title = card?.type === 'Simple' || card?.type === 'Standard' ? card.title : undefined;
    const ok =
      (card?.type === 'Simple' || card?.type === 'Standard') &&
      (expected.type === undefined || card.type === expected.type) &&
      (expected.title === undefined || matches(title, expected.title)) &&
      (expected.text === undefined || matches(text, expected.text));
    this.assert(
      ok,
      `expected a ${expected.type ?? 'Simple or Standard'} card${expected.title ? ` titled ${describe(expected.title)}` : ''}${expected.text ? ` saying ${describe(expected.text)}` : ''} but got ${JSON.stringify(card)}${heard(this)}`,
      `expected no ${expected.type ?? 'Simple or Standard'} card like that, but got ${JSON.stringify(card)}${heard(this)}`,
    );
  });

  Assertion.addMethod('aplDirective', function (this: AssertionContext, token?: string) {
    const found = directives(reply(this)).find(
      (d) =>
        d.type === 'Alexa.Presentation.APL.RenderDocument' &&
        (token === undefined || d.token === token),
    );
    this.assert(
      found !== undefined,
      `expected an APL RenderDocument directive${token ? ` with token ${token}` : ''} among ${JSON.stringify(directives(reply(this)).map((d) => d.type))}${heard(this)}`,
      `expected no APL RenderDocument directive${heard(this)}`,
    );
  });

  Assertion.addMethod('endSession', function (this: AssertionContext) {
    const end = reply(this).response.shouldEndSession;
    this.assert(
      end === true,
      `expected the session to end (shouldEndSession true) but it was ${String(end)}${heard(this)}`,
      `expected the session not to end${heard(this)}`,
    );
  });

  Assertion.addMethod('keepSessionOpen', function (this: AssertionContext) {
    const end = reply(this).response.shouldEndSession;
    this.assert(
      end === false,
      `expected the session to stay open (shouldEndSession false) but it was ${String(end)}${heard(this)}`,
      `expected the session not to stay open${heard(this)}`,
    );
  });

  Assertion.addMethod('elicitSlot', function (this: AssertionContext, slot: string) {
    const found = directives(reply(this)).find(
      (d) => d.type === 'Dialog.ElicitSlot' && d.slotToElicit === slot,
    );
    this.assert(
      found !== undefined,
      `expected a Dialog.ElicitSlot directive for ${slot} among ${JSON.stringify(directives(reply(this)).map((d) => d.type))}${heard(this)}`,
      `expected no Dialog.ElicitSlot directive for ${slot}${heard(this)}`,
    );
  });
};
