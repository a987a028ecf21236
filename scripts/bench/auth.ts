/**
 * `npm run bench:auth`: the project's verifier against bare jose `jwtVerify` given the key object,
 * over the same few thousand distinct valid tokens, key set warm, in one run. Prints tokens/s for
 * both and the ratio (target >= 0.9). Rounds alternate so machine noise hits both alike.
 */
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { jwtVerify } from 'jose';
import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { benchCommandLine, createTargets, finishBench } from './cli.js';

const USAGE = `Usage: npm run bench:auth [-- options]

The project's verifier against bare jose jwtVerify over the same distinct valid tokens (BENCH_TOKENS,
default 3000). Target: verifier/jose throughput >= 0.9.

Options:`;
const args = benchCommandLine('bench:auth', USAGE);
const targets = createTargets('bench:auth', args);

const TOKENS = Number(process.env['BENCH_TOKENS'] ?? 3000);
const ROUNDS = 5;
const issuer = 'https://bench.example/';
const audience = 'https://whatshouldiwear';
const now = Date.UTC(2026, 10, 25, 12);

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'bench', use: 'sig', alg: 'RS256' };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const header = b64({ alg: 'RS256', typ: 'JWT', kid: 'bench' });
const tokens = Array.from({ length: TOKENS }, (_, i) => {
  const input = `${header}.${b64({ iss: issuer, sub: `auth0|user-${i}`, aud: audience, iat: now / 1000, exp: now / 1000 + 3600, scope: 'openid read:whattowear' })}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
});

const verify = createAccessTokenVerifier({
  issuerBaseUrl: issuer,
  audience,
  requiredScope: 'read:whattowear',
  now: () => now,
  verifiedTokenCacheSize: 0,
  jwks: { fetch: () => Promise.resolve(Response.json({ keys: [jwk] })) },
});
const key = createPublicKey(publicKey.export({ format: 'pem', type: 'spki' }));
const options = {
  algorithms: ['RS256'],
  issuer,
  audience,
  clockTolerance: 5,
  requiredClaims: ['exp'],
  currentDate: new Date(now),
};

await verify(tokens[0]); // warm the key set

async function timeAll(run: (token: string) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (const token of tokens) await run(token);
  return performance.now() - started;
}

const best = { verifier: Infinity, jose: Infinity };
for (let round = 0; round < ROUNDS; round += 1) {
  best.verifier = Math.min(best.verifier, await timeAll(verify));
  best.jose = Math.min(best.jose, await timeAll((t) => jwtVerify(t, key, options)));
}
const rate = (ms: number) => (TOKENS / ms) * 1000;
const ratio = rate(best.verifier) / rate(best.jose);
console.log(
  `bench:auth  ${TOKENS} distinct tokens, best of ${ROUNDS} rounds, Node ${process.version}`,
);
console.log(
  `  verifier (createAccessTokenVerifier)  ${rate(best.verifier).toFixed(0).padStart(7)} tokens/s  ${((best.verifier / TOKENS) * 1000).toFixed(1)} µs/token`,
);
console.log(
  `  bare jose jwtVerify with KeyObject    ${rate(best.jose).toFixed(0).padStart(7)} tokens/s  ${((best.jose / TOKENS) * 1000).toFixed(1)} µs/token`,
);
console.log(
  `  ratio verifier/jose                   ${ratio.toFixed(3)}  (target >= 0.9: ${targets.judge('verifier/jose >= 0.9', ratio >= 0.9)})`,
);
finishBench(targets);
