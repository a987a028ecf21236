/**
 * What a provider profile is: a pure pair of functions for what cannot be generic, one module per
 * provider. `request` turns the form Alexa sent into the form the provider needs; `answer` turns
 * the provider's answer into a standard one (the generic rules run after it).
 */
import type { ReadAnswer } from '../upstream-answer.js';

/** One provider's adjustments. */
export interface UpstreamProfile {
  /** The `UPSTREAM_PROFILE` value that selects it. */
  readonly name: string;
  /** The provider and the quirk handled, for the docs and `--help`. */
  readonly describes: string;
  /** The form body to send upstream, from the form the client sent. */
  request(form: string): string;
  /** The provider's answer in the standard shape. */
  answer(read: ReadAnswer): ReadAnswer;
}
