/**
 * What a person would get from Alexa for a response envelope: the speech as text, the card in
 * the Alexa app, whether linking is needed, and whether Alexa keeps listening.
 */
import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { spokenText } from 'alexa-skill-harness';

/** A card, as the Alexa app shows it. */
export interface RenderedCard {
  /** `Simple`, `Standard`, `LinkAccount`, `AskForPermissionsConsent`. */
  readonly type: string;
  readonly title?: string;
  readonly text?: string;
  readonly permissions?: readonly string[];
}

/** A response, read as a person would. */
export interface RenderedAnswer {
  /** The speech, as text. */
  readonly speech: string;
  /** The reprompt, as text, when Alexa keeps listening. */
  readonly reprompt: string | undefined;
  readonly card: RenderedCard | undefined;
  /** True when the response asks the user to link the account (a LinkAccount card). */
  readonly linkAccountNeeded: boolean;
  /** True when Alexa keeps the session open for an answer. */
  readonly sessionOpen: boolean;
  /**
   * The question Amazon's voice consent skill asks when the response hands over to it
   * (`Connections.StartConnection` to AskForPermissionsConsent); the session waits for the answer.
   */
  readonly consentQuestion?: string;
}

/** What Amazon's consent skill asks, in the simulator's words. */
export const CONSENT_QUESTION =
  "Do you give the skill permission to use your device's country and postal code? You can say 'I approve' or 'no'.";

/** SSML (or plain text) -> the words, as text: what the harness's assertions hear. */
export function ssmlToText(ssml: string): string {
  return spokenText({ type: 'SSML', ssml }) ?? '';
}

function speechOf(output: { type?: string; ssml?: string; text?: string } | undefined): string {
  if (output === undefined) return '';
  return ssmlToText(output.ssml ?? output.text ?? '');
}

function cardOf(card: ui.Card | undefined): RenderedCard | undefined {
  if (card === undefined) return undefined;
  switch (card.type) {
    case 'Simple':
      return { type: card.type, title: card.title ?? '', text: card.content ?? '' };
    case 'Standard':
      return { type: card.type, title: card.title ?? '', text: card.text ?? '' };
    case 'AskForPermissionsConsent':
      return { type: card.type, permissions: card.permissions };
    default:
      return { type: card.type };
  }
}

/** Reads a response envelope. */
export function renderResponse(envelope: ResponseEnvelope): RenderedAnswer {
  const r = envelope.response;
  const card = cardOf(r.card);
  const consent = (r.directives ?? []).some(
    (d) =>
      d.type === 'Connections.StartConnection' &&
      (d as { uri?: string }).uri?.startsWith('connection://AMAZON.AskForPermissionsConsent/') ===
        true,
  );
  const sessionOpen =
    consent ||
    r.shouldEndSession === false ||
    (r.shouldEndSession === undefined && r.reprompt !== undefined);
  return {
    speech: speechOf(r.outputSpeech),
    reprompt: r.reprompt === undefined ? undefined : speechOf(r.reprompt.outputSpeech),
    card,
    linkAccountNeeded: card?.type === 'LinkAccount',
    sessionOpen,
    ...(consent ? { consentQuestion: CONSENT_QUESTION } : {}),
  };
}

/** The answer as lines of text for the prompt. */
export function answerLines(answer: RenderedAnswer): string[] {
  const lines = [`Alexa: ${answer.speech === '' ? '(says nothing)' : answer.speech}`];
  const card = answer.card;
  if (card?.type === 'LinkAccount') {
    lines.push(
      '  Card: LinkAccount — the Alexa app asks the user to link the account (/relink does it)',
    );
  } else if (card?.type === 'AskForPermissionsConsent') {
    lines.push(`  Card: AskForPermissionsConsent (${(card.permissions ?? []).join(', ')})`);
  } else if (card !== undefined) {
    lines.push(`  Card: ${card.title ?? card.type}`);
    for (const line of (card.text ?? '').split('\n')) lines.push(line === '' ? '' : `    ${line}`);
  }
  if (answer.consentQuestion !== undefined) {
    lines.push(`  [Alexa, for Amazon's consent skill: ${answer.consentQuestion}]`);
  } else if (answer.sessionOpen) {
    lines.push(
      `  (Alexa keeps listening${answer.reprompt ? `; reprompt: "${answer.reprompt}"` : ''})`,
    );
  }
  return lines;
}
