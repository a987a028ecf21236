/** The base of the project's typed failures. */

/**
 * A failure with a stable `code` (what callers and tests match on), a short machine-readable
 * `reason` and the original `cause`. Each concrete class names itself (`name`), as a literal:
 * the bundles are built without esbuild's keepNames, whose per-closure renaming cost every
 * request several microseconds.
 */
export abstract class CodedError<Code extends string = string> extends Error {
  abstract readonly code: Code;
  /** A short, stable, machine-readable detail (e.g. `unknown-kid`, `timeout`). */
  readonly reason: string;

  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
