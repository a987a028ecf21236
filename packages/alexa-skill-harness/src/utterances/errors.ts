/** The failures of the utterance resolver, each with a stable `code`. */
import { HarnessError } from '../errors.js';

/** The base of every utterance-resolver failure. */
export abstract class UtterancesError extends HarnessError {}

/** A model file could not be read or has the wrong shape. */
export class ModelError extends UtterancesError {
  override readonly name = 'ModelError';
  readonly code = 'ERR_MODEL';
}

/** One of the best matches of an ambiguous utterance. */
export interface AmbiguousCandidate {
  readonly intent: string;
  readonly sample: string;
  readonly slots: Record<string, string>;
}

/** Two or more best matches disagree: the utterance (or the model) needs fixing. */
export class AmbiguousUtteranceError extends UtterancesError {
  override readonly name = 'AmbiguousUtteranceError';
  readonly code = 'ERR_UTTERANCE_AMBIGUOUS';
  constructor(
    readonly utterance: string,
    readonly candidates: readonly AmbiguousCandidate[],
  ) {
    super(
      `"${utterance}" is ambiguous: ${candidates
        .map((c) => `${c.intent} via "${c.sample}" ${JSON.stringify(c.slots)}`)
        .join('; ')}`,
    );
  }
}

/** Nothing matched and the model has no AMAZON.FallbackIntent. */
export class UnmatchedUtteranceError extends UtterancesError {
  override readonly name = 'UnmatchedUtteranceError';
  readonly code = 'ERR_UTTERANCE_UNMATCHED';
}
