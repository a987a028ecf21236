/**
 * The verifier's errors name themselves (`name`, what a log line shows: the bundles are minified
 * without keepNames) and carry their stable codes.
 */
import { expect } from 'chai';
import {
  KeySetUnavailableError,
  ShippedKeySetError,
  TokenAudienceError,
  TokenExpiredError,
  TokenIssuerError,
  TokenMalformedError,
  TokenMissingError,
  TokenNotYetValidError,
  TokenScopeError,
  TokenSignatureError,
} from '../../../lambda/auth/index.js';
import { UnusableSigningKeyError } from '../../../lambda/auth/rs256.js';

describe('the verifier’s errors', () => {
  it('name themselves by their class, with their codes', () => {
    const cases: [Error & { code?: string }, string, string | undefined][] = [
      [new TokenMissingError('absent', 'm'), 'TokenMissingError', 'ERR_TOKEN_MISSING'],
      [new TokenMalformedError('bad', 'm'), 'TokenMalformedError', 'ERR_TOKEN_MALFORMED'],
      [new TokenSignatureError('bad', 'm'), 'TokenSignatureError', 'ERR_TOKEN_SIGNATURE'],
      [new TokenExpiredError('expired', 'm'), 'TokenExpiredError', 'ERR_TOKEN_EXPIRED'],
      [new TokenNotYetValidError('nbf', 'm'), 'TokenNotYetValidError', 'ERR_TOKEN_NOT_YET_VALID'],
      [new TokenIssuerError('a', 'b'), 'TokenIssuerError', 'ERR_TOKEN_ISSUER'],
      [new TokenAudienceError('a', 'b'), 'TokenAudienceError', 'ERR_TOKEN_AUDIENCE'],
      [new TokenScopeError('s', []), 'TokenScopeError', 'ERR_TOKEN_SCOPE'],
      [new KeySetUnavailableError('x', 'm'), 'KeySetUnavailableError', 'ERR_KEY_SET_UNAVAILABLE'],
      [new ShippedKeySetError('m'), 'ShippedKeySetError', undefined],
      [new UnusableSigningKeyError('m'), 'UnusableSigningKeyError', undefined],
    ];
    expect(new TokenIssuerError('a', 'b').reason).to.equal('issuer-mismatch');
    expect(new TokenAudienceError('a', 'b').reason).to.equal('audience-mismatch');
    expect(new TokenScopeError('s', []).reason).to.equal('insufficient-scope');
    for (const [error, name, code] of cases) {
      expect(error.name, name).to.equal(name);
      expect(String(error), name).to.match(new RegExp(`^${name}: `));
      expect(error.code, name).to.equal(code);
    }
  });
});
