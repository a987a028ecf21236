export {
  createAccessTokenVerifier,
  type AccessTokenVerifierOptions,
  type KeySetOptions,
  type VerifyAccessToken,
  type VerifiedAccessToken,
  type KeySetEvent,
} from './verifier.js';
export * from './errors.js';
export {
  readShippedKeySet,
  serialiseShippedKeySet,
  ShippedKeySetError,
  type ShippedKeySet,
} from './shipped-key-set.js';
