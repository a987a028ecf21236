/**
 * The provider profiles (`proxy/profiles/`): the same contract for each, then each one's quirk.
 */
import { expect } from 'chai';
import {
  upstreamProfile,
  UPSTREAM_PROFILES,
  UPSTREAM_PROFILE_NAMES,
} from '../../proxy/profiles/index.js';
import { decodeForm } from '../../proxy/form.js';
import { readUpstreamAnswer, type ReadAnswer } from '../../proxy/upstream-answer.js';

const json = (status: number, body: unknown): ReadAnswer =>
  readUpstreamAnswer({ status, text: JSON.stringify(body), contentType: 'application/json' });

describe('proxy: provider profiles', () => {
  it('are found by name, and nothing else is', () => {
    expect(UPSTREAM_PROFILE_NAMES).to.deep.equal(['standard', 'withings']);
    for (const name of UPSTREAM_PROFILE_NAMES) expect(upstreamProfile(name)?.name).to.equal(name);
    for (const odd of ['Standard', 'github', '', 'toString', '__proto__']) {
      expect(upstreamProfile(odd), odd).to.equal(undefined);
    }
  });

  for (const profile of Object.values(UPSTREAM_PROFILES)) {
    describe(`${profile.name}: the contract every profile keeps`, () => {
      it('sends every parameter Alexa sent, unchanged and in order', () => {
        const form = 'grant_type=refresh_token&refresh_token=r%2Bx&client_id=alexa';
        const sent = decodeForm(profile.request(form));
        expect(sent.slice(0, 3)).to.deep.equal(decodeForm(form));
      });

      it('passes a standard success and a standard refusal through', () => {
        const success = json(200, { access_token: 'a', expires_in: 3600, token_type: 'Bearer' });
        expect(profile.answer(success).body).to.deep.equal(success.body);
        expect(profile.answer(success).status).to.equal(200);
        const refusal = json(400, { error: 'invalid_grant' });
        expect(profile.answer(refusal)).to.deep.equal(refusal);
      });

      it('leaves an unreadable answer unreadable', () => {
        const html = readUpstreamAnswer({ status: 200, text: '<html>', contentType: 'text/html' });
        expect(profile.answer(html)).to.deep.equal(html);
      });

      it('describes its provider', () => {
        expect(profile.describes.length).to.be.above(10);
      });
    });
  }

  describe('withings', () => {
    const withings = UPSTREAM_PROFILES['withings'];
    if (withings === undefined) throw new Error('no withings profile');

    it('adds action=requesttoken, once', () => {
      expect(withings.request('grant_type=authorization_code&code=c')).to.equal(
        'grant_type=authorization_code&code=c&action=requesttoken',
      );
      expect(withings.request('')).to.equal('action=requesttoken');
      expect(withings.request('action=requesttoken&grant_type=x')).to.equal(
        'action=requesttoken&grant_type=x',
      );
      expect(withings.request('grant_type=x&action')).to.equal('grant_type=x&action');
      // A parameter that only starts with "action" is another parameter.
      expect(withings.request('actions=1')).to.equal('actions=1&action=requesttoken');
    });

    it('unwraps a success from {status: 0, body}', () => {
      // As Withings documents it (support.withings.com, 2021; the API reference's example).
      const answer = json(200, {
        status: 0,
        body: {
          userid: '12345678',
          access_token: 'a075f8c14fb8df40b08ebc8508533dc332a41910',
          refresh_token: 'f631236f02b991810feb774765b6ae8e6c6839ca',
          expires_in: 10800,
          scope: 'user.activity,user.metrics',
          csrf_token: 'PACnnxwHTaBQOGIVtXmzmBqVyuTcizMe',
          token_type: 'Bearer',
        },
      });
      const out = withings.answer(answer);
      expect(out.status).to.equal(200);
      expect(out.rewritten).to.equal(true);
      expect(out.body?.['access_token']).to.equal('a075f8c14fb8df40b08ebc8508533dc332a41910');
      expect(out.body?.['expires_in']).to.equal(10800);
    });

    it('maps a non-zero status to an OAuth refusal, keeping the status and error in the description', () => {
      const cases: [number, string | undefined, number, string][] = [
        [503, 'Invalid Params: invalid code', 400, 'invalid_grant'],
        [401, undefined, 401, 'invalid_client'],
        [601, 'Too Many Requests', 503, 'temporarily_unavailable'],
        [100, undefined, 400, 'invalid_grant'],
      ];
      for (const [status, error, replied, code] of cases) {
        const out = withings.answer(json(200, { status, body: {}, ...(error ? { error } : {}) }));
        expect(out.status, String(status)).to.equal(replied);
        expect(out.body?.['error']).to.equal(code);
        expect(String(out.body?.['error_description'])).to.equal(
          `Withings status ${status}${error ? `: ${error}` : ''}`,
        );
      }
    });

    it('leaves an answer without a numeric status, or a success without a body object, to the generic rules', () => {
      const plain = json(200, { access_token: 'a' });
      expect(withings.answer(plain)).to.equal(plain);
      const stringStatus = json(200, { status: '0', body: { access_token: 'a' } });
      expect(withings.answer(stringStatus)).to.equal(stringStatus);
      for (const inner of ['x', ['a'], null]) {
        const noBody = withings.answer(json(200, { status: 0, body: inner }));
        expect(noBody.status, JSON.stringify(inner)).to.equal(400);
      }
    });

    it('leaves a non-2xx answer as it came, wrapped or not', () => {
      for (const status of [199, 300, 400, 500]) {
        const wrapped = json(status, { status: 0, body: { access_token: 'a' } });
        expect(withings.answer(wrapped), String(status)).to.equal(wrapped);
      }
    });

    it('answers 601 as a temporary failure, and leaves out an error that is not a string', () => {
      expect(
        withings.answer(json(200, { status: 601, body: {}, error: 'Too Many Requests' })),
      ).to.deep.equal({
        status: 503,
        body: {
          error: 'temporarily_unavailable',
          error_description: 'Withings status 601: Too Many Requests',
        },
        format: 'json',
        rewritten: true,
      });
      expect(withings.answer(json(200, { status: 503, body: {}, error: 7 })).body).to.deep.equal({
        error: 'invalid_grant',
        error_description: 'Withings status 503',
      });
    });
  });
});
