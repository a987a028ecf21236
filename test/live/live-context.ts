/** What the live runner hands to the live suite files: set once before mocha loads them. */
import type { JsonWebKey } from 'node:crypto';
import type { LiveConfig } from './live-config.js';

/** The tenant and the token of one live run. */
export interface LiveContext {
  readonly config: LiveConfig;
  /** A genuine access token from mint-token. */
  readonly token: string;
  /** The tenant's public key that signed it, from its key set. */
  readonly publicJwk: JsonWebKey;
  /** That key's `kid`. */
  readonly kid: string;
}

let current: LiveContext | undefined;

/** Sets the context for the suites about to load. */
export function setLiveContext(context: LiveContext | undefined): void {
  current = context;
}

/** Thrown when a live suite file is loaded outside `npm run test:live`. */
export class LiveContextMissingError extends Error {
  override readonly name = 'LiveContextMissingError';
  readonly code = 'ERR_LIVE_CONTEXT';
}

/** The context; throws {@link LiveContextMissingError} outside a live run. */
export function liveContext(): LiveContext {
  if (current === undefined) {
    throw new LiveContextMissingError('The live suites run only under npm run test:live');
  }
  return current;
}
