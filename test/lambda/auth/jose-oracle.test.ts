/**
 * The oracle's translation of jose's errors (`jose-oracle.ts`): the differential fuzz test compares
 * the verifier's refusals with jose's through it, so it must be right itself.
 */
import { expect } from 'chai';
import { errors as jose } from 'jose';
import {
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenSignatureError,
} from '../../../lambda/auth/errors.js';
import { fromJoseError } from './jose-oracle.js';

describe('the jose oracle', () => {
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
