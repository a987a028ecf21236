/** Failures of the Alexa APIs (Device Address, Settings), each with a stable `code` and `reason`. */
import { CodedError } from '../../common/errors.js';

export type AlexaApiErrorCode = 'ERR_ALEXA_PERMISSION' | 'ERR_ALEXA_NO_DATA' | 'ERR_ALEXA_API';

/**
 * Why a call failed: `refused` (401 or 403), `no-data` (204, or no postal code), `timeout`,
 * `unreachable`, `status` (another non-2xx), `not-json`, `bad-answer` (JSON Alexa does not document).
 */
export type AlexaApiFailureReason =
  'refused' | 'no-data' | 'timeout' | 'unreachable' | 'status' | 'not-json' | 'bad-answer';

export abstract class AlexaApiError extends CodedError<AlexaApiErrorCode> {
  declare readonly reason: AlexaApiFailureReason;

  // Not useless: it narrows `reason` at every throw site to the documented values.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(reason: AlexaApiFailureReason, message: string, options?: { cause?: unknown }) {
    super(reason, message, options);
  }
}

/** The user has not granted the permission (HTTP 401 or 403 from the API). */
export class AlexaPermissionError extends AlexaApiError {
  override readonly name: string = 'AlexaPermissionError';
  readonly code = 'ERR_ALEXA_PERMISSION';
}

/** The API answered, but holds nothing usable (no postal code set on the device, say). */
export class AlexaNoDataError extends AlexaApiError {
  override readonly name: string = 'AlexaNoDataError';
  readonly code = 'ERR_ALEXA_NO_DATA';
}

/** The API failed: unreachable, too slow, a 5xx, or an answer of the wrong shape. */
export class AlexaApiUnavailableError extends AlexaApiError {
  override readonly name: string = 'AlexaApiUnavailableError';
  readonly code = 'ERR_ALEXA_API';
  /**
   * True for an outage (a timeout, no connection, a 5xx): the same call moments later would most
   * likely fail too, so the failure is remembered briefly. A 4xx or a bad answer is not.
   */
  readonly outage: boolean;

  constructor(
    reason: AlexaApiFailureReason,
    message: string,
    options?: { cause?: unknown; httpStatus?: number },
  ) {
    super(reason, message, options);
    const status = options?.httpStatus;
    this.outage =
      reason === 'timeout' ||
      reason === 'unreachable' ||
      (reason === 'status' && status !== undefined && status >= 500);
  }
}
