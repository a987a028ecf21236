/** The base of the project's typed failures. */

/**
 * A failure with a stable `code` (what callers and tests match on), a short machine-readable
 * `reason`, the original `cause`, and its own class name as `name`.
 */
export abstract class CodedError<Code extends string = string> extends Error {
  abstract readonly code: Code;
  /** A short, stable, machine-readable detail (e.g. `unknown-kid`, `timeout`). */
  readonly reason: string;

  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }

  override get name(): string {
    return this.constructor.name;
  }
}
