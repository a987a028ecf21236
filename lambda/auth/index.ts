export {
  createAccessTokenVerifier,
  type AccessTokenVerifierOptions,
  type KeySetOptions,
  type VerifyAccessToken,
  type VerifiedAccessToken,
  type KeySetEvent,
} from './verifier.js';
export * from './errors.js';
