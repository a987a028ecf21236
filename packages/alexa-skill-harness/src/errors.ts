/** The base of every harness failure: a stable `code` and, when one caused it, the `cause`. */
export abstract class HarnessError extends Error {
  /** A stable machine-readable code (`ERR_...`). */
  abstract readonly code: string;
}

/** A harness function was called with an option it cannot use. */
export class HarnessOptionError extends HarnessError {
  override readonly name = 'HarnessOptionError';
  readonly code = 'ERR_HARNESS_OPTION';
}

/** Throws {@link HarnessOptionError} naming `what` unless `value` is a non-empty string. */
export function requireString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new HarnessOptionError(`${what} must be a non-empty string, got ${describeValue(value)}`);
  }
}

/** Throws {@link HarnessOptionError} naming `what` unless `value` is a finite number. */
export function requireInstant(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HarnessOptionError(
      `${what} must be a time in milliseconds since the epoch, got ${describeValue(value)}`,
    );
  }
}

/** A short description of any value for an error message (never its whole content). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return typeof value === 'object' ? 'an object' : typeof value;
}
