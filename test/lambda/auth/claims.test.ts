/**
 * The claims set: its decoding and every check, in jose's order (`lambda/auth/claims.ts`).
 * Refusals are matched by class, code and reason.
 */
import { expect } from 'chai';
import { checkClaims, decodeClaims, grantedScopes } from '../../../lambda/auth/claims.js';
import {
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenScopeError,
} from '../../../lambda/auth/errors.js';

const NOW_MS = Date.UTC(2026, 10, 25, 12);
const NOW_S = NOW_MS / 1000;
const ISSUER = 'https://tenant.example/';
const AUDIENCE = 'https://whatshouldiwear';
const RULES = {
  issuer: ISSUER,
  audience: AUDIENCE,
  requiredScope: 'read:whattowear',
  clockToleranceSeconds: 5,
};
const base = {
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'auth0|u',
  exp: NOW_S + 3600,
  iat: NOW_S,
  scope: 'openid read:whattowear',
};
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url');

function refusal(run: () => unknown): Error & { reason?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { reason?: string };
  }
  throw new Error('expected a refusal');
}

describe('claims', () => {
  describe('grantedScopes', () => {
    it('splits scope on spaces, dropping empty pieces, and adds permissions without repeats', () => {
      expect(grantedScopes({ scope: ' a  b ' })).to.deep.equal(['a', 'b']);
      expect(grantedScopes({ scope: 'a b', permissions: ['b', 'c'] })).to.deep.equal([
        'a',
        'b',
        'c',
      ]);
      expect(grantedScopes({ permissions: ['c'] })).to.deep.equal(['c']);
      expect(grantedScopes({})).to.deep.equal([]);
      expect(grantedScopes({ scope: '' })).to.deep.equal([]);
    });

    it('refuses a scope that is not a string', () => {
      for (const scope of [['read:whattowear'], 7, null, {}]) {
        const error = refusal(() => grantedScopes({ scope }));
        expect(error).to.be.instanceOf(TokenMalformedError);
        expect(error.reason).to.equal('bad-scope');
      }
    });

    it('refuses permissions that are not a list of strings, even partly', () => {
      for (const permissions of ['read:whattowear', ['read:whattowear', 7], [null], { 0: 'a' }]) {
        const error = refusal(() => grantedScopes({ permissions }));
        expect(error).to.be.instanceOf(TokenMalformedError);
        expect(error.reason).to.equal('bad-permissions');
      }
    });
  });

  describe('checkClaims', () => {
    it('returns the subject, the scopes and the expiry, frozen', () => {
      const verified = checkClaims(base, RULES, NOW_MS);
      expect(verified).to.deep.equal({
        subject: 'auth0|u',
        scopes: ['openid', 'read:whattowear'],
        expiresAt: new Date((NOW_S + 3600) * 1000),
      });
      expect(Object.isFrozen(verified)).to.equal(true);
      expect(Object.isFrozen(verified.scopes)).to.equal(true);
    });

    it('refuses a sub that is missing, empty or not a string', () => {
      for (const sub of [undefined, '', 123, null, ['auth0|u']]) {
        const error = refusal(() => checkClaims({ ...base, sub }, RULES, NOW_MS));
        expect(error, String(sub)).to.be.instanceOf(TokenMalformedError);
        expect(error.reason).to.equal('bad-sub');
      }
    });

    it('refuses a token without a numeric exp', () => {
      for (const exp of [undefined, String(NOW_S + 60)]) {
        const error = refusal(() => checkClaims({ ...base, exp }, RULES, NOW_MS));
        expect(error).to.be.instanceOf(TokenMalformedError);
        expect(error.reason).to.equal('bad-exp');
      }
    });

    it('refuses iat beyond the clock tolerance, and accepts it at the tolerance', () => {
      expect(checkClaims({ ...base, iat: NOW_S + 5 }, RULES, NOW_MS).subject).to.equal('auth0|u');
      const error = refusal(() => checkClaims({ ...base, iat: NOW_S + 6 }, RULES, NOW_MS));
      expect(error).to.be.instanceOf(TokenNotYetValidError);
      expect(error.reason).to.equal('iat-in-future');
      // No iat at all is fine: Auth0 always sends one, the RFC does not require it.
      expect(checkClaims({ ...base, iat: undefined }, RULES, NOW_MS).subject).to.equal('auth0|u');
    });

    it('refuses an iat, nbf or exp that is not a number', () => {
      for (const claim of ['iat', 'nbf', 'exp']) {
        for (const value of [String(NOW_S), null, [NOW_S], true]) {
          const error = refusal(() => checkClaims({ ...base, [claim]: value }, RULES, NOW_MS));
          expect(error, `${claim} ${JSON.stringify(value)}`).to.be.instanceOf(TokenMalformedError);
          expect(error.reason).to.equal(`bad-${claim}`);
        }
      }
    });

    it('refuses an infinite exp (a JSON 1e400), which no Date can hold', () => {
      const error = refusal(() => checkClaims({ ...base, exp: Infinity }, RULES, NOW_MS));
      expect(error.reason).to.equal('bad-exp');
    });

    it('refuses nbf beyond the clock tolerance, against whole seconds', () => {
      const late = NOW_MS + 999; // still the same second: jose floors the clock too
      expect(checkClaims({ ...base, nbf: NOW_S + 5 }, RULES, late).subject).to.equal('auth0|u');
      const error = refusal(() => checkClaims({ ...base, nbf: NOW_S + 6 }, RULES, late));
      expect(error).to.be.instanceOf(TokenNotYetValidError);
      expect(error.reason).to.equal('nbf-in-future');
    });

    it('refuses exp at or before now less the tolerance, and accepts it a second later', () => {
      expect(checkClaims({ ...base, exp: NOW_S - 4 }, RULES, NOW_MS + 999).subject).to.equal(
        'auth0|u',
      );
      const error = refusal(() => checkClaims({ ...base, exp: NOW_S - 5 }, RULES, NOW_MS + 999));
      expect(error).to.be.instanceOf(TokenExpiredError);
      expect(error.reason).to.equal('expired');
    });

    it('requires iss to be the issuer, reporting what the token carried', () => {
      for (const iss of [undefined, 'https://other.example/', 'https://tenant.example', null]) {
        const claims: Record<string, unknown> = { ...base, iss };
        if (iss === undefined) delete claims['iss'];
        const error = refusal(() => checkClaims(claims, RULES, NOW_MS));
        expect(error, String(iss)).to.be.instanceOf(TokenIssuerError);
        expect(error).to.deep.include({ expected: ISSUER, actual: iss });
      }
    });

    it('requires aud to be the audience or a list holding it', () => {
      expect(checkClaims({ ...base, aud: ['x', AUDIENCE] }, RULES, NOW_MS).subject).to.equal(
        'auth0|u',
      );
      for (const aud of [undefined, 'https://elsewhere', ['x'], [], AUDIENCE.toUpperCase(), 7]) {
        const claims: Record<string, unknown> = { ...base, aud };
        if (aud === undefined) delete claims['aud'];
        const error = refusal(() => checkClaims(claims, RULES, NOW_MS));
        expect(error, JSON.stringify(aud)).to.be.instanceOf(TokenAudienceError);
        expect(error).to.deep.include({ expected: AUDIENCE, actual: aud });
      }
    });

    it('checks that iss and aud are present before either value (a wrong iss, no aud: aud)', () => {
      const claims: Record<string, unknown> = { ...base, iss: 'https://other.example/' };
      delete claims['aud'];
      expect(refusal(() => checkClaims(claims, RULES, NOW_MS))).to.be.instanceOf(
        TokenAudienceError,
      );
    });

    it("checks in jose's order: iss, aud, iat, nbf, exp, then sub and the scope", () => {
      const wrong = {
        iss: 'https://other.example/',
        aud: 'https://elsewhere',
        iat: 'soon',
        nbf: NOW_S + 60,
        exp: NOW_S - 60,
        sub: '',
        scope: 'openid',
      };
      const order: [keyof typeof wrong, string][] = [
        ['iss', 'ERR_TOKEN_ISSUER'],
        ['aud', 'ERR_TOKEN_AUDIENCE'],
        ['iat', 'ERR_TOKEN_MALFORMED'],
        ['nbf', 'ERR_TOKEN_NOT_YET_VALID'],
        ['exp', 'ERR_TOKEN_EXPIRED'],
        ['sub', 'ERR_TOKEN_MALFORMED'],
        ['scope', 'ERR_TOKEN_SCOPE'],
      ];
      const claims: Record<string, unknown> = { ...base };
      for (const [name] of order) claims[name] = wrong[name];
      for (const [name, code] of order) {
        const error = refusal(() => checkClaims(claims, RULES, NOW_MS)) as Error & { code: string };
        expect(error.code, name).to.equal(code);
        claims[name] = (base as Record<string, unknown>)[name];
      }
      expect(checkClaims(claims, RULES, NOW_MS).subject).to.equal('auth0|u');
    });

    it('requires the scope when one is configured, from scope or permissions', () => {
      const error = refusal(() => checkClaims({ ...base, scope: 'openid' }, RULES, NOW_MS));
      expect(error).to.be.instanceOf(TokenScopeError);
      expect(
        checkClaims({ ...base, scope: undefined, permissions: ['read:whattowear'] }, RULES, NOW_MS)
          .scopes,
      ).to.deep.equal(['read:whattowear']);
      const none = { ...RULES, requiredScope: undefined };
      expect(checkClaims({ ...base, scope: undefined }, none, NOW_MS).scopes).to.deep.equal([]);
    });
  });

  describe('decodeClaims', () => {
    it('decodes a JSON object', () => {
      expect(decodeClaims(b64('{"sub":"a","n":1}'))).to.deep.equal({ sub: 'a', n: 1 });
    });

    it('refuses what is not a JSON object, and invalid UTF-8 (never replaced)', () => {
      const bad = [
        b64('[1,2]'),
        b64('null'),
        b64('"sub"'),
        b64('7'),
        b64('{"sub":'),
        b64(''),
        b64(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])), // {"a":"\xff"}
      ];
      for (const segment of bad) {
        const error = refusal(() => decodeClaims(segment));
        expect(error, segment).to.be.instanceOf(TokenMalformedError);
        expect(error.reason).to.equal('bad-payload');
      }
    });
  });
});
