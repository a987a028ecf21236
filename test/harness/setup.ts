/**
 * Root hooks for every suite: no test reaches the network (loopback only), and no test leaves a
 * nock interceptor unused. Loaded by `.mocharc.json` before any suite.
 */
import nock from 'nock';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)(:\d+)?$/;

nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));

export const mochaHooks = {
  afterEach(this: Mocha.Context): void {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    if (pending.length > 0 && this.currentTest?.state === 'passed') {
      throw new Error(
        `Unused nock interceptors left by "${this.currentTest.fullTitle()}": ${pending.join(', ')}`,
      );
    }
  },
};
