// @ts-check
import { mutationGroup } from './base.mjs';

/**
 * The proxy core: what decides which requests go upstream and what Alexa gets back, the generic
 * provider rules and the profiles.
 */
export default mutationGroup('proxy', {
  mutate: [
    'proxy/parse-request.ts',
    'proxy/client-auth.ts',
    'proxy/form.ts',
    'proxy/patch-response.ts',
    'proxy/upstream-answer.ts',
    'proxy/profiles/*.ts',
    '!proxy/profiles/profile.ts',
  ],
  spec: [
    'test/proxy/parse-request.test.ts',
    'test/proxy/client-auth.test.ts',
    'test/proxy/patch-response.test.ts',
    'test/proxy/exchange.test.ts',
    'test/proxy/upstream-answer.test.ts',
    'test/proxy/profiles.test.ts',
    'test/proxy/providers.interop.test.ts',
  ],
  breakAt: 98,
});
