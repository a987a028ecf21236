/** Alexa's call to the skill endpoint: the envelope `POST`ed as JSON, the response envelope read back. */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SkillCallError } from './errors.js';

/** Options of {@link callSkill}. */
export interface SkillCallOptions {
  /** How long Alexa waits, ms. Default 8000. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** Posts `envelope` to `url`; rejects with {@link SkillCallError} when no response envelope comes back. */
export async function callSkill(
  url: string,
  envelope: RequestEnvelope,
  options: SkillCallOptions = {},
): Promise<ResponseEnvelope> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(options.timeoutMs ?? 8000),
    });
    text = await response.text();
  } catch (cause) {
    throw new SkillCallError(
      'ERR_SKILL_UNREACHABLE',
      `the skill endpoint did not answer (${cause instanceof Error ? cause.message : String(cause)})`,
      undefined,
      { cause },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (
    response.status !== 200 ||
    typeof body !== 'object' ||
    body === null ||
    !('response' in body)
  ) {
    const code =
      typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
        ? ` ${body.error}`
        : '';
    throw new SkillCallError(
      'ERR_SKILL_RESPONSE_INVALID',
      `the skill endpoint answered ${response.status}${code} without a response envelope`,
      response.status,
    );
  }
  return body as ResponseEnvelope;
}
