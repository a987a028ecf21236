/** Small assertion helpers shared by suites. */
import { expect } from 'chai';

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/**
 * Awaits `promise`, expects it to reject with an instance of `type` whose `code` (and `reason`,
 * when given) match, and returns the error for further checks.
 */
export async function expectRejection<E extends Error & { code: string; reason?: string }>(
  promise: Promise<unknown>,
  type: ErrorClass<E>,
  code: E['code'],
  reason?: string,
): Promise<E> {
  let outcome: unknown;
  try {
    await promise;
    outcome = undefined;
  } catch (error) {
    outcome = error;
  }
  if (outcome === undefined) expect.fail(`expected a rejection with ${code}, but it resolved`);
  expect(
    outcome,
    outcome instanceof Error ? `${outcome.name}: ${outcome.message}` : 'a non-error',
  ).to.be.instanceOf(type);
  const error = outcome as E;
  expect(error.code).to.equal(code);
  if (reason !== undefined) expect(error.reason).to.equal(reason);
  return error;
}
