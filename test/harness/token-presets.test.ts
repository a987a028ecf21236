import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { expect } from 'chai';
import { expectRejection } from './assertions.js';
import { verifierForgeries, verifierFailures } from './token-presets.js';
import { TEST_NOW, TEST_SCOPE, SkillTestIssuer } from './tokens.js';
import { AccessTokenError } from '../../lambda/auth/index.js';

function verifierFor(issuer: SkillTestIssuer) {
  return createAccessTokenVerifier({
    issuerBaseUrl: issuer.issuer,
    audience: issuer.audience,
    requiredScope: TEST_SCOPE,
    now: () => TEST_NOW,
    jwks: { timeoutMs: 100 },
  });
}

describe('token presets', () => {
  const issuer = new SkillTestIssuer();
  for (const failure of Object.values(verifierFailures(issuer))) {
    it(`make a token the verifier refuses as ${failure.name}: ${failure.code} (${failure.reason})`, async () => {
      if (failure.needsKeySet) issuer.serveJwks();
      await expectRejection(
        verifierFor(issuer)(failure.token()),
        AccessTokenError,
        failure.code,
        failure.reason,
      );
    });
  }

  it('leave the valid token valid', async () => {
    issuer.serveJwks();
    expect(await verifierFor(issuer)(issuer.mint())).to.have.property('subject');
  });

  it('forge from a JWK as well as from a key object', async () => {
    const jwk = issuer.currentKey.publicKey.export({ format: 'jwk' });
    const forged = verifierForgeries(issuer.mint(), jwk, issuer.currentKey.kid);
    const confusion = forged.find((f) => f.name === 'HS256 signed with the public key');
    await expectRejection(
      verifierFor(issuer)(confusion?.token() ?? 'no such case'),
      AccessTokenError,
      'ERR_TOKEN_SIGNATURE',
      'alg-not-allowed',
    );
  });
});
