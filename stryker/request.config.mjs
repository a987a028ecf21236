// @ts-check
import { mutationGroup } from './base.mjs';

/** What the skill reads from a request (AMAZON.DATE, the envelope) and the advice it gives. */
export default mutationGroup('request', {
  mutate: ['lambda/request/**/*.ts', 'lambda/advice/**/*.ts', '!**/index.ts'],
  spec: [
    'test/lambda/request/**/*.test.ts',
    'test/lambda/advice/**/*.test.ts',
    'test/lambda/error-names.test.ts',
    // The envelope check's own tests: one envelope of every request type, and malformed ones.
    'test/lambda/skill/request-types.test.ts',
  ],
  breakAt: 99,
});
