/**
 * The deploy's key-set step: fetches the tenant's key set and writes it beside the skill's bundle
 * (`.build/lambda/jwks.json`, with the time it was fetched), so that a fresh Lambda instance
 * verifies its first token without a key-set call while that set is fresh (see
 * lambda/auth/shipped-key-set.ts). A tenant whose key set cannot be had stops the deploy: the
 * skill could not verify a token either.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultHttpFetch } from '../../common/http-fetch.js';
import { serialiseShippedKeySet } from '../../lambda/auth/index.js';
import { fetchKeySet } from '../../lambda/auth/jwks-fetch.js';
import { DeployError } from './errors.js';
import { PROJECT_PATHS } from './project.js';

/** The tenant's key set could not be fetched, or holds no key the skill can use. */
export class KeySetStepError extends DeployError {
  override readonly name = 'KeySetStepError';
  override readonly code = 'ERR_KEY_SET';
}

/** Gets the key set document at `uri` (a JWKS). */
export type KeySetSource = (uri: string) => Promise<unknown>;

/**
 * The default source: the skill's own key-set fetch (lambda/auth/jwks-fetch.ts): one GET,
 * redirects refused, a capped body, only RSA signing keys kept; 5 s in all.
 */
export const fetchKeySetDocument: KeySetSource = (uri) =>
  fetchKeySet(uri, { timeoutMs: 5000, maxBytes: 256 * 1024, fetch: defaultHttpFetch() });

/** Fetches `<issuer>.well-known/jwks.json` and writes `jwks.json` into the built bundle's folder. */
export async function shipKeySet(options: {
  readonly issuerBaseUrl: string;
  readonly root: string;
  readonly source: KeySetSource;
  readonly now: number;
}): Promise<{ path: string; kids: string[] }> {
  const uri = new URL('.well-known/jwks.json', options.issuerBaseUrl).href;
  let text: string;
  try {
    text = serialiseShippedKeySet(await options.source(uri), options.now);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new KeySetStepError(
      `the tenant's key set (${uri}) could not be shipped with the skill: ${why}. Check ISSUER_BASE_URL and that the tenant answers.`,
      { cause: error },
    );
  }
  const path = join(options.root, PROJECT_PATHS.lambdaDir, 'jwks.json');
  await writeFile(path, text);
  const kids = (JSON.parse(text) as { keys: { kid?: string }[] }).keys.map((k) => k.kid ?? '-');
  return { path, kids };
}
