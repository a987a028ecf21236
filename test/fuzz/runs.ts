/**
 * How many cases each property runs: a seeded few thousand in `npm test` (1000 per property),
 * 100,000 under `npm run fuzz` (FUZZ_RUNS), always from a fixed seed unless FUZZ_SEED says otherwise.
 */
import { AccessTokenError, type VerifyAccessToken } from '../../lambda/auth/index.js';

export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 20261125);
export const fuzzParameters = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true } as const;

/** Mocha timeout for a fuzz suite: generous, so 100,000 runs fit. */
export const FUZZ_TIMEOUT_MS = Math.max(20_000, FUZZ_RUNS * 5);

/** What `verify` made of `token`: `'accepted'`, or the verifier's own error (anything else throws). */
export async function verdictOf(
  verify: VerifyAccessToken,
  token: unknown,
): Promise<'accepted' | AccessTokenError> {
  try {
    await verify(token);
    return 'accepted';
  } catch (error) {
    if (error instanceof AccessTokenError) return error;
    throw error;
  }
}
