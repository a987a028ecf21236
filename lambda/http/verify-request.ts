/**
 * Proof that a request comes from Alexa, as Amazon requires of skills hosted as web services:
 * the `SignatureCertChainUrl` and `Signature-256` headers, checked by ask-sdk-express-adapter's
 * `SkillRequestSignatureVerifier` (certificate URL, chain to a trusted root, `echo-api.amazon.com`
 * in the SAN, body signature) after the URL is checked and made canonical here (`cert-url.ts`),
 * with its certificate cache bounded (`cert-cache.ts`), and the request's timestamp within 150 s of now: the past by the
 * adapter's `TimestampVerifier`, the future here (the adapter only checks the past).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { SkillRequestSignatureVerifier, TimestampVerifier } from 'ask-sdk-express-adapter';
import { boundCertCache, type CertCacheLimits } from './cert-cache.js';
import { canonicalCertUrl } from './cert-url.js';
import { RequestVerificationError } from './errors.js';

/** One check of ask-sdk-express-adapter's shape: rejects when the request fails it. */
export interface RequestCheck {
  verify(body: string, headers?: IncomingHttpHeaders): Promise<unknown>;
}

/** Options of {@link createAlexaRequestVerifier}; the defaults are Amazon's rules. */
export interface AlexaRequestVerifierOptions {
  /**
   * The signature check, given the canonical certificate URL. Default: ask-sdk-express-adapter's
   * `SkillRequestSignatureVerifier`, its certificate cache bounded by `certCache`.
   */
  signatureVerifier?: RequestCheck;
  /** Bounds of the default signature check's certificate cache (count and age). */
  certCache?: CertCacheLimits;
  /** The check of a timestamp in the past. Default: ask-sdk-express-adapter's `TimestampVerifier` (150 s). */
  timestampVerifier?: RequestCheck;
  /** How far ahead of now a timestamp may be, in ms. Default 150 000 (Amazon's tolerance). */
  futureToleranceMs?: number;
  /** The clock, ms since the epoch (for the future check). Default `Date.now`. */
  now?: () => number;
  /** Deadline of the whole signature check (certificate download included), ms. Default 3000. */
  signatureTimeoutMs?: number;
}

/** Resolves when `body` (the raw request body) and `headers` prove the request is Alexa's. */
export type VerifyAlexaRequest = (body: string, headers: IncomingHttpHeaders) => Promise<void>;

const CERT_URL_HEADER = 'signaturecertchainurl';
const SIGNATURE_HEADER = 'signature-256';

function headerPresent(headers: IncomingHttpHeaders, name: string): boolean {
  const value = headers[name];
  return typeof value === 'string' ? value.trim() !== '' : Array.isArray(value);
}

function timestampOf(body: string): number | undefined {
  try {
    const envelope = JSON.parse(body) as { request?: { timestamp?: unknown } } | null;
    const value = envelope?.request?.timestamp;
    if (typeof value !== 'string') return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  } catch {
    return undefined;
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`The signature could not be checked within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Builds the check. Refusals reject with {@link RequestVerificationError}:
 * `ERR_SIGNATURE_MISSING` (a header absent), `ERR_TIMESTAMP_INVALID` (absent, unreadable, stale
 * or too far ahead; checked first, so a stale request costs no certificate download) and
 * `ERR_SIGNATURE_INVALID` (anything the signature verifier refuses, the cause kept).
 */
export function createAlexaRequestVerifier(
  options: AlexaRequestVerifierOptions = {},
): VerifyAlexaRequest {
  const signature =
    options.signatureVerifier ??
    boundCertCache(new SkillRequestSignatureVerifier(), options.certCache);
  const past = options.timestampVerifier ?? new TimestampVerifier();
  const futureTolerance = options.futureToleranceMs ?? 150_000;
  const now = options.now ?? Date.now;
  const signatureTimeoutMs = options.signatureTimeoutMs ?? 3000;

  return async (body, headers) => {
    if (!headerPresent(headers, CERT_URL_HEADER) || !headerPresent(headers, SIGNATURE_HEADER)) {
      throw new RequestVerificationError(
        'ERR_SIGNATURE_MISSING',
        'The SignatureCertChainUrl and Signature-256 headers are required',
      );
    }
    const timestamp = timestampOf(body);
    if (timestamp === undefined) {
      throw new RequestVerificationError(
        'ERR_TIMESTAMP_INVALID',
        'The request has no readable timestamp',
      );
    }
    if (timestamp - now() > futureTolerance) {
      throw new RequestVerificationError(
        'ERR_TIMESTAMP_INVALID',
        'The request timestamp is too far in the future',
      );
    }
    try {
      await past.verify(body);
    } catch (cause) {
      throw new RequestVerificationError(
        'ERR_TIMESTAMP_INVALID',
        `The request timestamp is too old: ${messageOf(cause)}`,
        { cause },
      );
    }
    const certUrl = headers[CERT_URL_HEADER];
    const canonical = typeof certUrl === 'string' ? canonicalCertUrl(certUrl.trim()) : undefined;
    if (canonical === undefined) {
      throw new RequestVerificationError(
        'ERR_SIGNATURE_INVALID',
        'The SignatureCertChainUrl is not an Amazon certificate URL (https://s3.amazonaws.com/echo.api/...)',
      );
    }
    // The adapter downloads and caches what it is given: give it the one canonical spelling.
    const checked: IncomingHttpHeaders = { ...headers, [CERT_URL_HEADER]: canonical };
    try {
      await withDeadline(signature.verify(body, checked), signatureTimeoutMs);
    } catch (cause) {
      throw new RequestVerificationError(
        'ERR_SIGNATURE_INVALID',
        `The request signature was refused: ${messageOf(cause)}`,
        { cause },
      );
    }
  };
}
