/** Failures of the Alexa APIs (Device Address, Settings), each with a stable `code`. */

export type AlexaApiErrorCode = 'ERR_ALEXA_PERMISSION' | 'ERR_ALEXA_NO_DATA' | 'ERR_ALEXA_API';

export abstract class AlexaApiError extends Error {
  abstract readonly code: AlexaApiErrorCode;
  override get name(): string {
    return this.constructor.name;
  }
}

/** The user has not granted the permission (HTTP 401 or 403 from the API). */
export class AlexaPermissionError extends AlexaApiError {
  readonly code = 'ERR_ALEXA_PERMISSION';
}

/** The API answered, but holds nothing usable (no postal code set on the device, say). */
export class AlexaNoDataError extends AlexaApiError {
  readonly code = 'ERR_ALEXA_NO_DATA';
}

/** The API failed: unreachable, too slow, a 5xx, or an answer of the wrong shape. */
export class AlexaApiUnavailableError extends AlexaApiError {
  readonly code = 'ERR_ALEXA_API';
}
