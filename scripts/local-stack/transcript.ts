/** Turns, links and refreshes as lines of text for the prompt. */
import type { HeldTokens, RefreshOutcome } from './alexa-account-link.js';
import { describeExpiresIn, type ProxyExchange } from './proxy-exchanges.js';
import { answerLines } from './render.js';
import { meaningWords } from '../../tools/utterances/index.js';
import { type UtteranceMeaning } from 'alexa-skill-harness';
import type { ConsentHeard } from './request-envelope.js';
import type { Turn } from './simulator.js';

/** `3600000` -> `1 h 0 min 0 s`; `59000` -> `59 s`. */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${m} min ${s} s`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}

/**
 * What the resolver made of the utterance, filled slots only:
 * `WhatShouldIWearIntent city=Paris date=2026-11-27 item="an umbrella" [UMBRELLA]`.
 */
export function heardWords(heard: UtteranceMeaning | ConsentHeard): string {
  if (heard.kind === 'consent') return `SessionResumedRequest (consent: ${heard.answer})`;
  return meaningWords(heard);
}

/** How the last proxy exchange set `expires_in`, when the proxy logged one. */
function proxyNote(exchange: ProxyExchange | undefined): string {
  return exchange === undefined || exchange.status !== 200
    ? ''
    : `: ${describeExpiresIn(exchange)}`;
}

/** The refresh Alexa made before a request. */
export function refreshLine(outcome: RefreshOutcome, exchange: ProxyExchange | undefined): string {
  if (outcome.ok) {
    return `  [Alexa: the access token had expired, so Alexa refreshed it through the proxy${proxyNote(exchange)}]`;
  }
  return `  [Alexa: the access token had expired and the refresh through the proxy failed (${outcome.error.message}): Alexa sends the expired token]`;
}

/** Lines for one turn. */
export function turnLines(turn: Turn, lastExchange: ProxyExchange | undefined): string[] {
  const lines: string[] = [];
  if (turn.refresh !== undefined) lines.push(refreshLine(turn.refresh, lastExchange));
  lines.push(
    `  [heard: ${heardWords(turn.heard)} · ${turn.tokenSent ? 'access token sent' : 'no access token (not linked)'}]`,
  );
  if (turn.failure !== undefined)
    lines.push(`  [the skill endpoint failed: ${turn.failure.message}]`);
  lines.push(...answerLines(turn.answer));
  return lines;
}

/** Lines after linking. */
export function linkedLines(
  tokens: HeldTokens,
  exchange: ProxyExchange | undefined,
  userSub: string,
): string[] {
  return [
    `Linked the test account ${userSub} as Alexa does: /authorize (PKCE S256) -> code -> token proxy -> issuer${proxyNote(exchange)}.`,
    `Alexa holds an access token that expires in ${tokens.expiresIn === undefined ? '(unknown: no expires_in)' : formatDuration(tokens.expiresIn * 1000)}${tokens.refreshToken === undefined ? '' : ' and a refresh token'}.`,
  ];
}
