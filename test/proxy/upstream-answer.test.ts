/** Reading a provider's token answer, and the generic rules (`proxy/upstream-answer.ts`). */
import { expect } from 'chai';
import {
  applyGenericRules,
  oauthRefusal,
  OAUTH_TOKEN_ERRORS,
  readUpstreamAnswer,
  type ReadAnswer,
} from '../../proxy/upstream-answer.js';

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const read = (status: number, text: string, contentType?: string): ReadAnswer =>
  readUpstreamAnswer({ status, text, contentType });

describe('proxy: reading an upstream answer', () => {
  it('reads a form answer by its content type, in any case and with parameters', () => {
    for (const type of [
      FORM,
      'application/x-www-form-urlencoded',
      'Application/X-WWW-Form-URLEncoded ;x=y',
    ]) {
      expect(
        read(200, 'access_token=gho_1&scope=repo%2Cgist&token_type=bearer', type),
      ).to.deep.equal({
        status: 200,
        body: { access_token: 'gho_1', scope: 'repo,gist', token_type: 'bearer' },
        format: 'form',
        rewritten: false,
      });
    }
  });

  it('reads a form only when the content type starts with the form type', () => {
    const text = 'access_token=a';
    expect(read(200, text, ' application/x-www-form-urlencoded').format).to.equal('form');
    for (const type of [
      'text/plain; charset=application/x-www-form-urlencoded',
      'xapplication/x-www-form-urlencoded',
      'application/x-www-form-urlencodedx',
    ]) {
      expect(read(200, text, type).format, type).to.equal('unreadable');
    }
  });

  it('reads JSON otherwise, whatever the type says, and only an object', () => {
    expect(read(200, '{"access_token":"a"}', 'application/json')).to.deep.equal({
      status: 200,
      body: { access_token: 'a' },
      format: 'json',
      rewritten: false,
    });
    expect(read(200, '{"access_token":"a"}', 'application/json').body).to.deep.equal({
      access_token: 'a',
    });
    expect(read(200, '{"access_token":"a"}', undefined).format).to.equal('json');
    expect(read(200, '{"access_token":"a"}', 'text/plain').format).to.equal('json');
    for (const text of ['[]', 'null', '"a"', '<html>', '']) {
      expect(read(200, text, 'application/json'), text).to.deep.include({
        body: undefined,
        format: 'unreadable',
      });
    }
  });

  it('calls an empty or broken form unreadable', () => {
    for (const text of ['', 'a=%zz', '=x']) {
      expect(read(200, text, FORM), text).to.deep.include({
        body: undefined,
        format: 'unreadable',
      });
    }
  });

  describe('generic rules', () => {
    it('make a 2xx that carries an RFC 6749 error and no token that error, with its status', () => {
      for (const [code, status] of Object.entries(OAUTH_TOKEN_ERRORS)) {
        const out = applyGenericRules(
          read(200, JSON.stringify({ error: code, error_description: 'why' })),
        );
        expect(out, code).to.deep.equal({
          status,
          body: { error: code, error_description: 'why' },
          format: 'json',
          rewritten: true,
        });
      }
    });

    it("make a provider's own code invalid_grant, keeping it in the description", () => {
      const github = read(
        200,
        'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=https%3A%2F%2Fdocs.github.com',
        FORM,
      );
      expect(applyGenericRules(github)).to.deep.equal({
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'bad_verification_code: The code passed is incorrect or expired.',
        },
        format: 'json',
        rewritten: true,
      });
      const bare = applyGenericRules(read(200, '{"error":"token_revoked"}'));
      expect(bare.body).to.deep.equal({
        error: 'invalid_grant',
        error_description: 'token_revoked',
      });
    });

    it("make Slack's ok: false a refusal, with or without an error", () => {
      const slack = applyGenericRules(read(200, '{"ok":false,"error":"invalid_refresh_token"}'));
      expect(slack).to.deep.include({ status: 400 });
      expect(slack.body).to.deep.equal({
        error: 'invalid_grant',
        error_description: 'invalid_refresh_token',
      });
      const bare = applyGenericRules(read(200, '{"ok":false}'));
      expect(bare.status).to.equal(400);
      expect(bare.body).to.deep.equal({
        error: 'invalid_grant',
        error_description: 'The provider answered ok: false',
      });
      const described = applyGenericRules(read(200, '{"ok":false,"error_description":"gone"}'));
      expect(described.body?.['error_description']).to.equal('gone');
      // A description that is not a string is left out.
      const odd = applyGenericRules(read(200, '{"error":"token_revoked","error_description":7}'));
      expect(odd.body).to.deep.equal({
        error: 'invalid_grant',
        error_description: 'token_revoked',
      });
    });

    it('leave alone an answer with an access token, a non-2xx, an empty error and unreadable bodies', () => {
      for (const answer of [
        read(200, '{"access_token":"a","error":"ignored"}'),
        read(200, '{"ok":true,"access_token":"a"}'),
        read(400, '{"error":"invalid_grant"}'),
        read(500, '{"error":"server_error"}'),
        read(200, '{"error":""}'),
        read(200, '{"token":"no access_token"}'),
        read(200, '<html>'),
        read(199, '{"error":"x"}'),
        read(300, '{"error":"x"}'),
      ]) {
        expect(applyGenericRules(answer)).to.equal(answer);
      }
    });
  });

  describe('oauthRefusal', () => {
    it('keeps error texts within RFC 6749 5.2: printable ASCII without quote or backslash, bounded', () => {
      const out = oauthRefusal('weird"code\\é', `line\nbreak "quoted" ${'x'.repeat(400)}`);
      const description = String(out.body?.['error_description']);
      expect(description).to.match(/^[\x20-\x21\x23-\x5B\x5D-\x7E]+$/);
      expect(description.length).to.equal(256);
      expect(description.startsWith('weird?code??: line?break ?quoted?')).to.equal(true);
      expect(oauthRefusal('invalid_scope', undefined).body).to.deep.equal({
        error: 'invalid_scope',
      });
      // Only RFC 6749's own codes count as known: nothing inherited from Object.
      expect(oauthRefusal('constructor', undefined).body?.['error']).to.equal('invalid_grant');
    });
  });
});
