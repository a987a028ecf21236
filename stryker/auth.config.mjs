// @ts-check
import { mutationGroup } from './base.mjs';

export default mutationGroup('auth', {
  mutate: ['lambda/auth/**/*.ts', '!lambda/auth/index.ts'],
  spec: ['test/lambda/auth/**/*.test.ts', 'test/lambda/error-names.test.ts'],
  breakAt: 96,
});
