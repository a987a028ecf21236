/**
 * The intent suites, offline: the skill in-process, behind its local HTTP endpoint, and built by
 * the Lambda entry's `createSkillFromEnv`, with tokens from the test issuer (nock-served keys).
 */
import { createSkillFromEnv } from '../../../lambda/index.js';
import { startSkillHttpEndpoint } from '../../../lambda/http/index.js';
import {
  createTestSkill,
  TEST_NOW,
  verifierFailures,
  SkillTestIssuer,
} from '../../harness/index.js';
import { inProcess, overHttp } from 'alexa-skill-harness';
import { intentSuites } from './intent-suite.js';

function offlineTarget(name: string, kind: 'in-process' | 'http') {
  const issuer = new SkillTestIssuer();
  return {
    name,
    now: () => TEST_NOW,
    validToken: () => Promise.resolve(issuer.mint()),
    serveKeySet: () => void issuer.serveJwks(),
    failures: Object.values(verifierFailures(issuer)),
    async start() {
      const { skill, transport } = createTestSkill({ issuer });
      if (kind === 'in-process') return { transport };
      const endpoint = await startSkillHttpEndpoint({ skill, mode: 'local' });
      return { transport: overHttp(endpoint.url), stop: () => endpoint.stop() };
    },
  };
}

intentSuites(offlineTarget('in-process', 'in-process'));
intentSuites(offlineTarget('HTTP, the local endpoint of lambda/http', 'http'));

// The Lambda entry reads its configuration from an environment object, which names the test
// issuer explicitly; its one clock is fixed, as the other targets' are, so that what "tomorrow"
// means in Oslo does not depend on the hour the suite runs at.
const entryIssuer = new SkillTestIssuer();
intentSuites({
  name: 'in-process, built by the Lambda entry from an explicit environment',
  now: () => TEST_NOW,
  validToken: () => Promise.resolve(entryIssuer.mint()),
  serveKeySet: () => void entryIssuer.serveJwks(),
  failures: [],
  start: () =>
    Promise.resolve({
      transport: inProcess(
        createSkillFromEnv(
          {
            ISSUER_BASE_URL: entryIssuer.issuer,
            AUDIENCE: entryIssuer.audience,
            WEATHER_PROVIDER: 'demo',
            LOG_LEVEL: 'error',
          },
          { now: () => TEST_NOW },
        ),
      ),
    }),
});
