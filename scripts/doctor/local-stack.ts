/**
 * The doctor's local stack, started in-process on loopback: the local issuer (tools/issuer) behaving
 * as Auth0 did in 2016 (no `expires_in` on refresh, rotating refresh tokens), the token proxy in
 * front of it, an Alexa-like client with Alexa's redirect URL, and a test user linked through
 * `/authorize` to get a fresh code.
 */
import { randomBytes } from 'node:crypto';
import { closeServer, listenOn } from '../../common/index.js';
import { createProxyServer } from '../../proxy/index.js';
import { DEFAULT_API, startLocalIssuer } from '../../tools/issuer/index.js';
import { LocalStackError } from './errors.js';

/** Alexa's redirect URL shape (the vendor id is made up). */
export const LOCAL_REDIRECT_URI = 'https://layla.amazon.com/api/skill/link/M0LOCALDOCTOR';

/** The local client's id. */
export const LOCAL_CLIENT_ID = 'alexa-local-doctor';

/** A running local stack and what the doctor needs to check it. */
export interface LocalStack {
  /** The proxy's URL on loopback. */
  readonly tokenUrl: string;
  /** The Alexa-like client. */
  readonly clientId: string;
  /** Its secret (random per run). */
  readonly clientSecret: string;
  /** The redirect URI the code was issued for. */
  readonly redirectUri: string;
  /** A fresh authorization code of the test user. */
  readonly code: string;
  /** Stops the proxy and the issuer. */
  stop(): Promise<void>;
}

/** Starts the stack and links the test user; throws {@link LocalStackError} when linking fails. */
export async function startLocalStack(): Promise<LocalStack> {
  const clientSecret = randomBytes(24).toString('base64url');
  const issuer = await startLocalIssuer({
    clients: [
      {
        clientId: LOCAL_CLIENT_ID,
        clientSecret,
        redirectUris: [LOCAL_REDIRECT_URI],
        grantTypes: ['authorization_code', 'refresh_token'],
        tokenEndpointAuthMethods: ['client_secret_basic'],
      },
    ],
    omitRefreshExpiresIn: true,
    rotateRefreshTokens: true,
  });
  const proxy = createProxyServer({
    upstreamTokenUrl: issuer.tokenUrl,
    allowedClientIds: [LOCAL_CLIENT_ID],
  });
  const stop = async (): Promise<void> => {
    await closeServer(proxy).catch(() => undefined);
    await issuer.stop();
  };
  try {
    const { url: tokenUrl } = await listenOn(proxy, 0, '127.0.0.1');
    const authorize = new URL(issuer.authorizeUrl);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: LOCAL_CLIENT_ID,
      redirect_uri: LOCAL_REDIRECT_URI,
      state: randomBytes(8).toString('hex'),
      scope: `openid offline_access ${DEFAULT_API.scopes?.join(' ') ?? ''}`.trim(),
      audience: DEFAULT_API.audience,
    }).toString();
    const response = await fetch(authorize, { redirect: 'manual' });
    const location = response.headers.get('location');
    const code = location === null ? null : new URL(location).searchParams.get('code');
    if (code === null) {
      throw new LocalStackError(
        `the local issuer did not issue a code (status ${response.status})`,
      );
    }
    return {
      tokenUrl,
      clientId: LOCAL_CLIENT_ID,
      clientSecret,
      redirectUri: LOCAL_REDIRECT_URI,
      code,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
