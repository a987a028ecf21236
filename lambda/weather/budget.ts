/**
 * The time budget of one forecast request: a signal that aborts when the budget runs out or the
 * caller's own signal aborts, always with a {@link WeatherUnavailableError} as its reason.
 */
import { WeatherUnavailableError } from './errors.js';

/** A running budget; call `dispose` when the request is done to clear its timer. */
export interface Budget {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** Starts a budget of `ms` milliseconds, also ended by `parent` (the caller's signal). */
export function startBudget(ms: number, parent?: AbortSignal): Budget {
  const controller = new AbortController();
  const onParentAbort = (): void => {
    controller.abort(
      new WeatherUnavailableError('aborted', 'The caller stopped waiting for the weather', {
        cause: parent?.reason,
      }),
    );
  };
  const timer = setTimeout(() => {
    controller.abort(
      new WeatherUnavailableError('timeout', `No forecast within the budget of ${ms} ms`),
    );
  }, ms);
  if (parent?.aborted === true) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
