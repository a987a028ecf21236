/**
 * The structural checks made before any cryptography (`lambda/auth/token-shape.ts`), one rule at a
 * time, each at its boundary. Refusals are matched by class, code and reason.
 */
import { expect } from 'chai';
import { inspectToken, isCanonicalBase64url } from '../../../lambda/auth/token-shape.js';
import {
  TokenMalformedError,
  TokenMissingError,
  TokenSignatureError,
} from '../../../lambda/auth/errors.js';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (header: unknown, payload: unknown = { sub: 'u' }, signature = 'c2ln') =>
  `${b64(header)}.${b64(payload)}.${signature}`;

function refusal(run: () => unknown): { error: Error & { code?: string; reason?: string } } {
  try {
    run();
  } catch (error) {
    return { error: error as Error & { code?: string; reason?: string } };
  }
  throw new Error('expected a refusal');
}

function expectRefused(
  run: () => unknown,
  type: new (...args: never[]) => Error,
  reason: string,
): void {
  const { error } = refusal(run);
  expect(error).to.be.instanceOf(type);
  expect(error.reason, error.message).to.equal(reason);
}

describe('token shape', () => {
  describe('isCanonicalBase64url', () => {
    it('accepts every canonical length: 0, 2, 3 and 4 characters a group', () => {
      for (const bytes of [0, 1, 2, 3, 4, 5, 6]) {
        const segment = Buffer.alloc(bytes, 0xff).toString('base64url');
        expect(isCanonicalBase64url(segment), `${bytes} bytes: ${segment}`).to.equal(true);
      }
    });

    it('refuses a length that no byte string has (4n + 1)', () => {
      expect(isCanonicalBase64url('A')).to.equal(false);
      expect(isCanonicalBase64url('AAAAA')).to.equal(false);
    });

    it('refuses a last character with bits set below the data (two spellings of one byte string)', () => {
      // One byte 0x00 is "AA"; "AB".."AP" decode to the same byte.
      expect(isCanonicalBase64url('AA')).to.equal(true);
      for (const last of 'BCDEFGHIJKLMNOP')
        expect(isCanonicalBase64url(`A${last}`), last).to.equal(false);
      expect(isCanonicalBase64url('AQ')).to.equal(true);
      // Two bytes 0x00 0x00 is "AAA"; "AAB".."AAD" decode to the same bytes.
      expect(isCanonicalBase64url('AAA')).to.equal(true);
      for (const last of 'BCD') expect(isCanonicalBase64url(`AA${last}`), last).to.equal(false);
      expect(isCanonicalBase64url('AAE')).to.equal(true);
    });

    it('refuses padding and characters outside base64url', () => {
      for (const s of ['AA==', 'AA+A', 'AA/A', 'AA A', 'AA.A'])
        expect(isCanonicalBase64url(s), s).to.equal(false);
    });
  });

  describe('inspectToken', () => {
    const good = token({ alg: 'RS256', kid: 'k1' });

    it('returns the header of a well-formed RS256 token, and its segments', () => {
      const [header, payload, signature] = good.split('.');
      expect(inspectToken(good, 8192)).to.deep.equal({
        alg: 'RS256',
        kid: 'k1',
        signingInput: `${header}.${payload}`,
        payload,
        signature,
      });
      expect(inspectToken(token({ alg: 'RS256' }), 8192)).to.deep.include({
        alg: 'RS256',
        kid: undefined,
      });
    });

    it('refuses a header that asks for an extension (crit), whatever it names', () => {
      for (const crit of [['b64'], ['exp'], [], 'b64', null]) {
        expectRefused(
          () => inspectToken(token({ alg: 'RS256', crit, b64: true }), 8192),
          TokenMalformedError,
          'crit-not-supported',
        );
      }
    });

    it('refuses a header that is not valid UTF-8, rather than replacing the bytes', () => {
      const bytes = Buffer.from('{"alg":"RS256","kid":"\xff"}', 'latin1');
      const raw = `${bytes.toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`;
      expectRefused(() => inspectToken(raw, 8192), TokenMalformedError, 'bad-header');
    });

    it('calls a missing token missing: undefined, null or empty', () => {
      for (const missing of [undefined, null, '']) {
        expectRefused(() => inspectToken(missing, 8192), TokenMissingError, 'absent');
      }
    });

    it('refuses a token that is not a string', () => {
      for (const odd of [42, {}, ['a.b.c'], true]) {
        expectRefused(() => inspectToken(odd, 8192), TokenMalformedError, 'not-a-string');
      }
    });

    it('refuses a token longer than the limit, and accepts one exactly at it', () => {
      expect(inspectToken(good, good.length).alg).to.equal('RS256');
      expectRefused(() => inspectToken(good, good.length - 1), TokenMalformedError, 'too-large');
    });

    it('refuses anything but three segments', () => {
      for (const t of ['a.b', 'a.b.c.d', 'abc', `${good}.x`]) {
        expectRefused(() => inspectToken(t, 8192), TokenMalformedError, 'not-compact-jws');
      }
    });

    it('refuses an empty header or payload, and a non-canonical segment', () => {
      const [h, p, s] = good.split('.') as [string, string, string];
      for (const t of [
        `.${p}.${s}`,
        `${h}..${s}`,
        `${h}.${p}.${s}=`,
        `${h}.${p}.A`,
        `${h}=.${p}.${s}`,
      ]) {
        expectRefused(() => inspectToken(t, 8192), TokenMalformedError, 'bad-encoding');
      }
      // An empty signature is well formed here; the signature check refuses it later.
      expect(inspectToken(`${h}.${p}.`, 8192).alg).to.equal('RS256');
    });

    it('refuses a header that is not JSON, keeping the parse error as the cause', () => {
      const t = `${Buffer.from('{not json').toString('base64url')}.${b64({})}.c2ln`;
      const { error } = refusal(() => inspectToken(t, 8192));
      expect(error).to.be.instanceOf(TokenMalformedError);
      expect(error.reason).to.equal('bad-header');
      expect(error.cause).to.be.instanceOf(SyntaxError);
    });

    it('refuses a header that is JSON but not an object', () => {
      for (const header of [null, [], ['RS256'], 'RS256', 7]) {
        expectRefused(() => inspectToken(token(header), 8192), TokenMalformedError, 'bad-header');
      }
    });

    it('refuses every algorithm but RS256, naming it', () => {
      for (const alg of ['none', 'HS256', 'RS384', 'PS256', 'rs256']) {
        const { error } = refusal(() => inspectToken(token({ alg }), 8192));
        expect(error).to.be.instanceOf(TokenSignatureError);
        expect(error.reason).to.equal('alg-not-allowed');
        expect(error.message).to.include(alg);
      }
      const { error } = refusal(() => inspectToken(token({ alg: 256 }), 8192));
      expect(error.reason).to.equal('alg-not-allowed');
      expect(error.message).to.include('no usable algorithm');
      expectRefused(() => inspectToken(token({}), 8192), TokenSignatureError, 'alg-not-allowed');
    });

    it('refuses a kid that is not a non-empty string of at most 256 characters', () => {
      for (const kid of ['', 7, null, {}, 'k'.repeat(257)]) {
        expectRefused(
          () => inspectToken(token({ alg: 'RS256', kid }), 8192),
          TokenMalformedError,
          'bad-kid',
        );
      }
      expect(inspectToken(token({ alg: 'RS256', kid: 'k'.repeat(256) }), 8192).kid).to.have.length(
        256,
      );
    });
  });
});
