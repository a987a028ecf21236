/**
 * The synchronous RS256 check (`lambda/auth/rs256.ts`): the keys it refuses to verify with, and
 * signatures that must not verify.
 */
import { expect } from 'chai';
import { constants, createHmac, createSecretKey, generateKeyPairSync, sign } from 'node:crypto';
import {
  assertRs256Key,
  MIN_RSA_MODULUS_BITS,
  UnusableSigningKeyError,
  verifyRs256,
} from '../../../lambda/auth/rs256.js';
import { sharedTestKey } from 'alexa-skill-harness';

const key = sharedTestKey('key-1');
const input = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0';
const signature = sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');

describe('rs256', () => {
  it('verifies a PKCS#1 v1.5 SHA-256 signature, and nothing else', () => {
    expect(verifyRs256(input, signature, key.publicKey)).to.equal(true);
    expect(verifyRs256(`${input}x`, signature, key.publicKey)).to.equal(false);
    expect(verifyRs256(input, '', key.publicKey)).to.equal(false);
    expect(verifyRs256(input, signature.slice(2), key.publicKey)).to.equal(false);
    const sha384 = sign('sha384', Buffer.from(input), key.privateKey).toString('base64url');
    expect(verifyRs256(input, sha384, key.publicKey)).to.equal(false);
  });

  it('never verifies a PSS signature, even one made by the same RSA key', () => {
    const pss = sign('sha256', Buffer.from(input), {
      key: key.privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
    }).toString('base64url');
    expect(verifyRs256(input, pss, key.publicKey)).to.equal(false);
  });

  it('refuses an RSA-PSS key object, whose defaults would verify PSS signatures', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
    const pss = sign('sha256', Buffer.from(input), privateKey).toString('base64url');
    expect(() => verifyRs256(input, pss, publicKey)).to.throw(UnusableSigningKeyError);
  });

  it(`refuses an RSA key under ${MIN_RSA_MODULUS_BITS} bits`, () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const small = sign('sha256', Buffer.from(input), privateKey).toString('base64url');
    expect(() => verifyRs256(input, small, publicKey)).to.throw(UnusableSigningKeyError, /1024/);
  });

  it('refuses a private key, an EC key and a secret', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const secret = createSecretKey(createHmac('sha256', 'k').digest());
    for (const wrong of [key.privateKey, ec, secret]) {
      expect(() => {
        assertRs256Key(wrong);
      }, wrong.type).to.throw(UnusableSigningKeyError);
    }
  });

  it('accepts a 2048-bit RSA public key, and says so again without checking twice', () => {
    expect(() => {
      assertRs256Key(key.publicKey);
    }).not.to.throw();
    expect(() => {
      assertRs256Key(key.publicKey);
    }).not.to.throw();
  });
});
