/**
 * The harness package's bad tokens, with what this skill's verifier answers each: its error
 * `code` and `reason`. The package names a case by what is wrong with the token; this table is
 * the only place that knows this verifier's codes.
 */
import type { KeyObject, JsonWebKey } from 'node:crypto';
import {
  forgeries,
  tokenFailures,
  type TokenFailure as HarnessTokenFailure,
  type TokenFailureName,
} from 'alexa-skill-harness';
import type { AccessTokenErrorCode } from '../../lambda/auth/index.js';
import { SkillTestIssuer } from './tokens.js';

/** One bad token and what the verifier must answer. */
export interface TokenFailure {
  /** What is wrong with the token, as the package names it. */
  readonly name: TokenFailureName;
  /** The verifier's error code. */
  readonly code: AccessTokenErrorCode;
  /** The verifier's `reason`. */
  readonly reason: string;
  /** True when the verifier fetches the key set before refusing it (serve the set then). */
  readonly needsKeySet: boolean;
  /** The token (empty for no token: the verifier treats absent and empty alike). */
  readonly token: () => string;
}

/** The keys of {@link verifierFailures}. */
export type FailureKey =
  | 'missing'
  | 'garbage'
  | 'expired'
  | 'notYetValid'
  | 'wrongAudience'
  | 'wrongIssuer'
  | 'missingScope'
  | 'algNone'
  | 'hs256Confusion'
  | 'unknownKid'
  | 'badSignature';

/** What this skill's verifier answers for each of the package's cases. */
const VERIFIER: Readonly<
  Record<TokenFailureName, readonly [FailureKey, AccessTokenErrorCode, string]>
> = {
  'no token': ['missing', 'ERR_TOKEN_MISSING', 'absent'],
  garbage: ['garbage', 'ERR_TOKEN_MALFORMED', 'not-compact-jws'],
  expired: ['expired', 'ERR_TOKEN_EXPIRED', 'expired'],
  'not yet valid': ['notYetValid', 'ERR_TOKEN_NOT_YET_VALID', 'nbf-in-future'],
  'wrong audience': ['wrongAudience', 'ERR_TOKEN_AUDIENCE', 'audience-mismatch'],
  'wrong issuer': ['wrongIssuer', 'ERR_TOKEN_ISSUER', 'issuer-mismatch'],
  'missing scope': ['missingScope', 'ERR_TOKEN_SCOPE', 'insufficient-scope'],
  'alg none': ['algNone', 'ERR_TOKEN_SIGNATURE', 'alg-not-allowed'],
  'HS256 signed with the public key': ['hs256Confusion', 'ERR_TOKEN_SIGNATURE', 'alg-not-allowed'],
  'unknown kid': ['unknownKid', 'ERR_TOKEN_SIGNATURE', 'unknown-kid'],
  'bad signature': ['badSignature', 'ERR_TOKEN_SIGNATURE', 'bad-signature'],
};

function withVerdicts(
  failures: readonly HarnessTokenFailure[],
): Partial<Record<FailureKey, TokenFailure>> {
  return Object.fromEntries(
    failures.map((f) => {
      const [key, code, reason] = VERIFIER[f.name];
      const token = f.token ?? '';
      return [key, { name: f.name, code, reason, needsKeySet: f.needsKeySet, token: () => token }];
    }),
  );
}

/** Every failure the package makes with `issuer` (at its clock), with this verifier's verdicts. */
export function verifierFailures(
  issuer: SkillTestIssuer = new SkillTestIssuer(),
): Readonly<Record<FailureKey, TokenFailure>> {
  return withVerdicts(tokenFailures(issuer)) as Record<FailureKey, TokenFailure>;
}

/** The failures anyone can forge from a genuine token and the tenant's public key (live runs). */
export function verifierForgeries(
  genuine: string,
  publicKey: KeyObject | JsonWebKey,
  kid: string,
): TokenFailure[] {
  return Object.values(withVerdicts(forgeries(genuine, publicKey, kid)));
}
