/**
 * The pre-deploy check that the issuer, the authorization URL and the upstream token URL share one
 * host. Auth0 writes the domain a token was requested on into `iss`: a custom domain on one of the
 * three and the canonical domain on another yields tokens the skill refuses, every time.
 */
import { HostMismatchError } from './errors.js';

/** The three URLs that must agree. */
export interface LinkingUrls {
  /** `ISSUER_BASE_URL`. */
  readonly issuerBaseUrl: string;
  /** Where Alexa sends the user to log in. */
  readonly authorizationUrl: string;
  /** Where the proxy sends token requests. */
  readonly upstreamTokenUrl: string;
}

/** Throws {@link HostMismatchError}, naming each URL's host, unless all three share one host. */
export function assertSameHost(urls: LinkingUrls): void {
  const hosts = {
    ISSUER_BASE_URL: new URL(urls.issuerBaseUrl).host,
    AUTHORIZATION_URL: new URL(urls.authorizationUrl).host,
    UPSTREAM_TOKEN_URL: new URL(urls.upstreamTokenUrl).host,
  };
  if (new Set(Object.values(hosts)).size === 1) return;
  const listed = Object.entries(hosts)
    .map(([name, host]) => `${name} is on ${host}`)
    .join(', ');
  throw new HostMismatchError(
    `the issuer, the authorization URL and the upstream token URL must share one host (${listed}). ` +
      'Auth0 puts the domain a token was requested on into its iss claim, so the skill would ' +
      'refuse every token: use the same domain (custom or canonical) for all three.',
  );
}
