/**
 * The claim checks jose leaves to the caller, and the translation of jose's errors
 * (`lambda/auth/claims.ts`). Refusals are matched by class, code and reason.
 */
import { expect } from 'chai';
import { errors as jose } from 'jose';
import { checkClaims, fromJoseError, grantedScopes } from '../../../lambda/auth/claims.js';
import {
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenScopeError,
  TokenSignatureError,
} from '../../../lambda/auth/errors.js';

const NOW_MS = Date.UTC(2026, 10, 25, 12);
const NOW_S = NOW_MS / 1000;
const RULES = { requiredScope: 'read:whattowear', clockToleranceSeconds: 5 };
const base = { sub: 'auth0|u', exp: NOW_S + 3600, iat: NOW_S, scope: 'openid read:whattowear' };

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
        const error = refusal(() => checkClaims({ ...base, sub } as never, RULES, NOW_MS));
        expect(error, String(sub)).to.be.instanceOf(TokenMalformedError);
        expect(error.reason).to.equal('bad-sub');
      }
    });

    it('refuses a token without a numeric exp', () => {
      for (const exp of [undefined, String(NOW_S + 60)]) {
        const error = refusal(() => checkClaims({ ...base, exp } as never, RULES, NOW_MS));
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
      // An iat that is not a number is jose's to refuse, not compared here.
      expect(
        checkClaims({ ...base, iat: String(NOW_S + 100) } as never, RULES, NOW_MS).subject,
      ).to.equal('auth0|u');
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

  describe('fromJoseError', () => {
    const expected = { issuer: 'https://tenant.example/', audience: 'https://whatshouldiwear' };
    const payload = { iss: 'https://other.example/', aud: 'https://elsewhere' };

    it('keeps an error of its own family as it is', () => {
      const own = new TokenExpiredError('expired', 'x');
      expect(fromJoseError(own, expected)).to.equal(own);
    });

    it('translates each jose error, keeping it as the cause', () => {
      const cases: [Error, new (...args: never[]) => Error, string][] = [
        [new jose.JWTExpired('exp', payload, 'exp', 'check_failed'), TokenExpiredError, 'expired'],
        [
          new jose.JWTClaimValidationFailed('iss', payload, 'iss', 'check_failed'),
          TokenIssuerError,
          '',
        ],
        [
          new jose.JWTClaimValidationFailed('aud', payload, 'aud', 'check_failed'),
          TokenAudienceError,
          '',
        ],
        [
          new jose.JWTClaimValidationFailed('nbf', payload, 'nbf', 'check_failed'),
          TokenNotYetValidError,
          'nbf-in-future',
        ],
        [
          new jose.JWTClaimValidationFailed('nbf', payload, 'nbf', 'invalid'),
          TokenMalformedError,
          'bad-nbf',
        ],
        [
          new jose.JWTClaimValidationFailed('iat', payload, 'iat', 'invalid'),
          TokenMalformedError,
          'bad-iat',
        ],
        [new jose.JWSSignatureVerificationFailed(), TokenSignatureError, 'bad-signature'],
        [new jose.JOSEAlgNotAllowed('x'), TokenSignatureError, 'alg-not-allowed'],
        [new jose.JWSInvalid('x'), TokenMalformedError, 'invalid-jws'],
        [new jose.JWTInvalid('x'), TokenMalformedError, 'invalid-jws'],
        [new jose.JOSENotSupported('x'), TokenMalformedError, 'invalid-jws'],
      ];
      for (const [error, type, reason] of cases) {
        const translated = fromJoseError(error, expected) as Error & { reason: string };
        expect(translated, error.name).to.be.instanceOf(type);
        if (reason !== '') expect(translated.reason, error.name).to.equal(reason);
        expect(translated.cause, error.name).to.equal(error);
      }
    });

    it("reports the token's iss and aud against the expected ones", () => {
      const iss = fromJoseError(
        new jose.JWTClaimValidationFailed('iss', payload, 'iss', 'check_failed'),
        expected,
      ) as TokenIssuerError;
      expect(iss).to.deep.include({ expected: expected.issuer, actual: payload.iss });
      const aud = fromJoseError(
        new jose.JWTClaimValidationFailed('aud', payload, 'aud', 'check_failed'),
        expected,
      ) as TokenAudienceError;
      expect(aud).to.deep.include({ expected: expected.audience, actual: payload.aud });
    });

    it('returns an error that is not about the token unchanged (a bug is not an invalid token)', () => {
      for (const error of [new TypeError('bug'), new jose.JWKSNoMatchingKey(), 'a string']) {
        expect(fromJoseError(error, expected)).to.equal(error);
      }
    });
  });
});
