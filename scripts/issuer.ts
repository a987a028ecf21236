/**
 * `npm run issuer`: starts the local Auth0 stand-in on loopback and prints its URL and test
 * client; runs until interrupted. Reads no environment and no `.env`.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createLogger } from '../common/index.js';
import { startLocalIssuer } from '../tools/issuer/index.js';

const USAGE = `Usage: npm run issuer -- [options]

Starts a local stand-in for an Auth0 tenant on 127.0.0.1 and prints its base URL and test client.

Options:
  --port <n>              port (default: an ephemeral port)
  --client-id <id>        the test client's id (default: local-test-client)
  --client-secret <s>     its secret (default: random at each start)
  --redirect-uri <uri>    an allowed redirect URI (repeatable; default http://127.0.0.1/callback)
  --access-token-ttl <s>  access-token lifetime in seconds (default 86400)
  --omit-refresh-expires-in  leave expires_in out of refresh responses (Auth0 in 2016)
  --rotate-refresh-tokens    rotate refresh tokens on each use
  --verbose               log one JSON line per request on stderr
  -h, --help              show this help
`;

function fail(message: string): never {
  process.stderr.write(`issuer: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      port: { type: 'string' },
      'client-id': { type: 'string', default: 'local-test-client' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'access-token-ttl': { type: 'string' },
      'omit-refresh-expires-in': { type: 'boolean', default: false },
      'rotate-refresh-tokens': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (parsed.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const wholeNumber = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a whole number (got "${raw}")`);
  return Number(raw);
};

try {
  const clientSecret = parsed['client-secret'];
  const issuer = await startLocalIssuer({
    port: wholeNumber('port', parsed.port),
    accessTokenTtlSeconds: wholeNumber('access-token-ttl', parsed['access-token-ttl']),
    omitRefreshExpiresIn: parsed['omit-refresh-expires-in'],
    rotateRefreshTokens: parsed['rotate-refresh-tokens'],
    logger: parsed.verbose
      ? createLogger({ sink: (line) => process.stderr.write(`${line}\n`) })
      : undefined,
    clients:
      clientSecret === undefined &&
      parsed['redirect-uri'] === undefined &&
      parsed['client-id'] === 'local-test-client'
        ? undefined
        : [
            {
              clientId: parsed['client-id'],
              clientSecret: clientSecret ?? randomBytes(24).toString('base64url'),
              redirectUris: parsed['redirect-uri'] ?? ['http://127.0.0.1/callback'],
            },
          ],
  });
  const client = issuer.testClient;
  process.stdout.write(
    [
      `ISSUER_BASE_URL=${issuer.url}`,
      `TOKEN_URL=${issuer.tokenUrl}`,
      `AUTHORIZE_URL=${issuer.authorizeUrl}`,
      `TEST_CLIENT_ID=${client.clientId}`,
      `TEST_CLIENT_SECRET=${client.clientSecret}`,
      `REDIRECT_URIS=${(client.redirectUris ?? []).join(',')}`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void issuer.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
