/**
 * Amazon's rules for a request's `SignatureCertChainUrl`, and its one canonical spelling.
 *
 * Amazon documents as valid: the scheme and host in any case (`HTTPS://S3.AMAZONAWS.COM`), an
 * explicit port 443, and dot segments that normalise to a path under `/echo.api/`
 * (`/echo.api/../echo.api/echo-api-cert.pem`); the path is case-sensitive. Everything else is
 * refused. The certificate is then downloaded from, and cached under, the canonical URL
 * (`https://s3.amazonaws.com/echo.api/<name>`), so one certificate is one download and one cache
 * entry however the request spells its URL (`:0443`, `:443`, upper-case host, dot segments).
 */

/** The only host, and the path prefix, Amazon serves signing certificates from. */
const CERT_HOST = 's3.amazonaws.com';
const CERT_PATH = /^\/echo\.api(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;
/** Longest URL considered; Amazon's are under 80 characters. */
const MAX_URL_LENGTH = 512;

/**
 * The canonical certificate URL for `raw`, or `undefined` when Amazon's rules refuse it.
 *
 * `raw` must be printable ASCII (no spaces, tabs or controls, which URL parsers silently drop),
 * start with `https://`, and carry no credentials, query, fragment (not even an empty `?` or
 * `#`) or backslash. After WHATWG normalisation (host lower-cased, default port dropped, dot
 * segments and `%2e` resolved), the host must be `s3.amazonaws.com`, the port 443, and the
 * path under `/echo.api/` made only of unreserved characters: no `%`, so no escape can spell
 * the same S3 object twice, and no empty or dot-leading segment.
 */
export function canonicalCertUrl(raw: string): string | undefined {
  if (raw.length > MAX_URL_LENGTH || !/^[\x21-\x7e]+$/.test(raw)) return undefined;
  if (!/^https:\/\/[^/]+\//i.test(raw) || /[?#@\\]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (
    url.protocol !== 'https:' ||
    url.hostname !== CERT_HOST ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== '' ||
    !CERT_PATH.test(url.pathname)
  ) {
    return undefined;
  }
  return `https://${CERT_HOST}${url.pathname}`;
}

/** True when Amazon's rules accept `raw` as a certificate URL. */
export function isAlexaCertUrl(raw: string): boolean {
  return canonicalCertUrl(raw) !== undefined;
}
