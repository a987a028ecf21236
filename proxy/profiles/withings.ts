/**
 * Withings' OAuth 2.0 v2 endpoint (`https://wbsapi.withings.net/v2/oauth2`) needs
 * `action=requesttoken` in every token request, which Alexa cannot send, and wraps every answer
 * in `{"status": <n>, "body": {...}}` with HTTP 200, `status` 0 meaning success
 * (support.withings.com, "Shutting down access and refresh tokens endpoints", 2021; Withings API
 * reference, "Response status"). A non-zero status is a refusal: 401 is the client's
 * authentication, 601 too many requests, anything else the grant.
 */
import { isRecord } from '../../common/json.js';
import { oauthRefusal, type ReadAnswer } from '../upstream-answer.js';
import type { UpstreamProfile } from './profile.js';

function request(form: string): string {
  const has = form.split('&').some((pair) => pair === 'action' || pair.startsWith('action='));
  if (has) return form;
  return form === '' ? 'action=requesttoken' : `${form}&action=requesttoken`;
}

function answer(read: ReadAnswer): ReadAnswer {
  const { body } = read;
  if (read.status < 200 || read.status >= 300 || body === undefined) return read;
  const status = body['status'];
  if (typeof status !== 'number') return read;
  if (status === 0 && isRecord(body['body'])) {
    return { status: 200, body: body['body'], format: read.format, rewritten: true };
  }
  const error = typeof body['error'] === 'string' ? body['error'] : undefined;
  const detail = `Withings status ${status}${error === undefined ? '' : `: ${error}`}`;
  if (status === 401) return oauthRefusal('invalid_client', detail);
  if (status === 601) {
    return {
      status: 503,
      body: { error: 'temporarily_unavailable', error_description: detail },
      format: 'json',
      rewritten: true,
    };
  }
  return oauthRefusal('invalid_grant', detail);
}

export const withingsProfile: UpstreamProfile = {
  name: 'withings',
  describes:
    'Withings (wbsapi.withings.net/v2/oauth2): adds action=requesttoken, unwraps {status, body}',
  request,
  answer,
};
