/**
 * Root hooks for every suite: no test reaches the network (loopback only), and no test leaves a
 * nock interceptor unused. Loaded by `.mocharc.json` before any suite.
 *
 * The unused-interceptor check runs inside each test, after its body: a test that leaves one
 * fails on its own, and the run goes on. (Thrown from a root `afterEach`, the same failure would
 * abort every test after it.)
 */
import nock from 'nock';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)(:\d+)?$/;

nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));

/** Throws when the test that just ran left nock interceptors unused. */
function assertNoPendingMocks(test: Mocha.Runnable): void {
  const pending = nock.pendingMocks();
  if (pending.length > 0) {
    throw new Error(
      `Unused nock interceptors left by "${test.fullTitle()}": ${pending.join(', ')}`,
    );
  }
}

const checked = new WeakSet<Mocha.Runnable>();

/** `test`'s body, followed by the check, in the body's own style (callback or promise). */
function withCheck(
  test: Mocha.Runnable,
  fn: Mocha.Func | Mocha.AsyncFunc,
): Mocha.Func | Mocha.AsyncFunc {
  if (fn.length > 0) {
    return function (this: Mocha.Context, done: Mocha.Done) {
      (fn as Mocha.Func).call(this, (error?: unknown) => {
        if (error !== undefined && error !== null) {
          done(error);
          return;
        }
        try {
          assertNoPendingMocks(test);
        } catch (failure) {
          done(failure);
          return;
        }
        done();
      });
    };
  }
  return async function (this: Mocha.Context) {
    await (fn as Mocha.AsyncFunc).call(this);
    assertNoPendingMocks(test);
  };
}

export const mochaHooks = {
  beforeEach(this: Mocha.Context): void {
    const test = this.currentTest;
    if (test?.fn === undefined || checked.has(test)) return;
    checked.add(test);
    test.fn = withCheck(test, test.fn);
  },
  afterEach(): void {
    nock.cleanAll();
  },
};
