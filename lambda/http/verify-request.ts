/**
 * Proof that a request comes from Alexa, as Amazon requires of skills hosted as web services:
 * the `SignatureCertChainUrl` and `Signature-256` headers, checked by ask-sdk-express-adapter's
 * `SkillRequestSignatureVerifier` (certificate URL, chain to a trusted root, `echo-api.amazon.com`
 * in the SAN, body signature), and the request's timestamp within 150 s of now: the past by the
 * adapter's `TimestampVerifier`, the future here (the adapter only checks the past).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { SkillRequestSignatureVerifier, TimestampVerifier } from 'ask-sdk-express-adapter';
import { RequestVerificationError } from './errors.js';

/** One check of ask-sdk-express-adapter's shape: rejects when the request fails it. */
export interface RequestCheck {
  verify(body: string, headers?: IncomingHttpHeaders): Promise<unknown>;
}

/** Options of {@link createAlexaRequestVerifier}; the defaults are Amazon's rules. */
export interface AlexaRequestVerifierOptions {
  /** The signature check. Default: ask-sdk-express-adapter's `SkillRequestSignatureVerifier`. */
  signatureVerifier?: RequestCheck;
  /** The check of a timestamp in the past. Default: ask-sdk-express-adapter's `TimestampVerifier` (150 s). */
  timestampVerifier?: RequestCheck;
  /** How far ahead of now a timestamp may be, in ms. Default 150 000 (Amazon's tolerance). */
  futureToleranceMs?: number;
  /** The clock, ms since the epoch (for the future check). Default `Date.now`. */
  now?: () => number;
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
  const signature = options.signatureVerifier ?? new SkillRequestSignatureVerifier();
  const past = options.timestampVerifier ?? new TimestampVerifier();
  const futureTolerance = options.futureToleranceMs ?? 150_000;
  const now = options.now ?? Date.now;

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
    try {
      await signature.verify(body, headers);
    } catch (cause) {
      throw new RequestVerificationError(
        'ERR_SIGNATURE_INVALID',
        `The request signature was refused: ${messageOf(cause)}`,
        { cause },
      );
    }
  };
}
