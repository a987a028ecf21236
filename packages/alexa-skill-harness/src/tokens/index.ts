/** Test tokens: the issuer, its loopback key set, and bad tokens named by what is wrong. */
export {
  TestIssuer,
  type Clock,
  type ListenOptions,
  type MintOptions,
  type TestIssuerOptions,
} from './test-issuer.js';
export {
  claimsOf,
  createTestKey,
  sharedTestKey,
  signCompact,
  type Signing,
  type TestKey,
} from './sign.js';
export {
  forgeries,
  tokenFailures,
  type TokenFailure,
  type TokenFailureName,
} from './token-failures.js';
