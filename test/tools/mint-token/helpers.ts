/** Helpers for the mint-token suites: temporary cache folders and fake Auth0 tokens. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ISSUER = 'https://tenant.example.auth0.com/';
export const SECRET = 'very-secret-client-secret-42';

/** Options for the nock-backed tenant; `cacheDir` is filled per test. */
export const baseOptions = {
  issuerBaseUrl: ISSUER,
  clientId: 'm2m-client',
  clientSecret: SECRET,
  audience: 'https://whatshouldiwear',
  timeoutMs: 1000,
};

/** A fresh temporary folder, and its removal. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mint-token-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An unsigned JWT-shaped string with these claims (mint-token never verifies). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part(claims)}.c2ln`;
}

/** Awaits `promise` and returns what it rejected with (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
