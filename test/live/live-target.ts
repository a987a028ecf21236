/**
 * The intent suites' target for a live run: the skill in-process with a real verifier that
 * trusts the tenant's key set, tokens from mint-token, and the bad tokens anyone can forge from
 * a genuine one and the tenant's public key. Weather is the demo provider and the Alexa APIs are
 * nock mocks: only the tenant is real.
 */
import { createLogger } from '../../common/logger.js';
import { createAlexaApi } from '../../lambda/alexa/index.js';
import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { createSkill } from '../../lambda/skill.js';
import { createDemoProvider } from '../../lambda/weather/index.js';
import { forgeries, inProcess, type TokenFailure } from '../harness/index.js';
import type { SuiteTarget } from '../lambda/skill/intent-suite.js';
import type { LiveContext } from './live-context.js';

/** Builds the live target from the runner's context. */
export function liveTarget(context: LiveContext): SuiteTarget {
  const { config, token } = context;
  const now = () => Date.now();
  // One verifier for the run: the tenant's key set is fetched once, as in a warm Lambda.
  const verify = createAccessTokenVerifier({
    issuerBaseUrl: config.issuerBaseUrl,
    audience: config.audience,
    requiredScope: config.requiredScope,
    now,
  });
  const forged = forgeries(() => token, context.publicJwk, context.kid);
  const missing: TokenFailure = {
    name: 'missing',
    code: 'ERR_TOKEN_MISSING',
    reason: 'absent',
    needsKeySet: false,
    token: () => '',
  };
  return {
    name: `live, ${config.issuerBaseUrl}`,
    now,
    validToken: () => Promise.resolve(token),
    serveKeySet: () => undefined,
    failures: [missing, ...Object.values(forged)],
    start: () => {
      const skill = createSkill({
        verify,
        weather: createDemoProvider({ now }),
        alexaApi: createAlexaApi({ now, timeoutMs: 500 }),
        logger: createLogger({ level: 'error', sink: () => undefined }),
        now,
      });
      return Promise.resolve({ transport: inProcess(skill) });
    },
  };
}
