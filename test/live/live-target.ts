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
import { TEST_NOW, verifierForgeries } from '../harness/index.js';
import { inProcess } from 'alexa-skill-harness';
import type { SuiteTarget } from '../lambda/skill/intent-suite.js';
import type { LiveContext } from './live-context.js';

/**
 * Builds the live target from the runner's context. The tenant's tokens are checked on the real
 * clock; the conversation's dates run on the suites' fixed clock, as every other target's do, so
 * that what "tomorrow" means in Oslo does not depend on the hour the run starts at.
 */
export function liveTarget(context: LiveContext): SuiteTarget {
  const { config, token } = context;
  const now = () => TEST_NOW;
  // One verifier for the run: the tenant's key set is fetched once, as in a warm Lambda.
  const verify = createAccessTokenVerifier({
    issuerBaseUrl: config.issuerBaseUrl,
    audience: config.audience,
    requiredScope: config.requiredScope,
  });
  // No token, and what anyone can forge from a genuine token and the tenant's public key.
  const forged = verifierForgeries(token, context.publicJwk, context.kid);
  return {
    name: `live, ${config.issuerBaseUrl}`,
    now,
    validToken: () => Promise.resolve(token),
    serveKeySet: () => undefined,
    failures: forged,
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
