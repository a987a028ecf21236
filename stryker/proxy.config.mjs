// @ts-check
import { mutationGroup } from './base.mjs';

/** The proxy core: what decides which requests go upstream and what Alexa gets back. */
export default mutationGroup('proxy', {
  mutate: [
    'proxy/parse-request.ts',
    'proxy/client-auth.ts',
    'proxy/form.ts',
    'proxy/patch-response.ts',
  ],
  spec: [
    'test/proxy/parse-request.test.ts',
    'test/proxy/client-auth.test.ts',
    'test/proxy/patch-response.test.ts',
    'test/proxy/exchange.test.ts',
  ],
  breakAt: 96,
});
