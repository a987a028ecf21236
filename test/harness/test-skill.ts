/**
 * The skill as the offline suites run it: `createSkill` with a real verifier that trusts a
 * {@link SkillTestIssuer} (its key set served by nock), the demo weather (or any provider), the Alexa
 * API client (nock-mocked by `mockAlexaApi`), a fixed clock and a logger whose lines are kept.
 * Reads no environment variables and no dotenv file: whatever the machine holds, it stays offline.
 */
import { createLogger } from '../../common/logger.js';
import { createAlexaApi } from '../../lambda/alexa/index.js';
import { createAccessTokenVerifier, type VerifyAccessToken } from '../../lambda/auth/index.js';
import { createSkill, type WhatShouldIWearSkill } from '../../lambda/skill.js';
import { createDemoProvider, type WeatherProvider } from '../../lambda/weather/index.js';
import { inProcess, type Transport } from 'alexa-skill-harness';
import { SkillTestIssuer, TEST_SCOPE } from './tokens.js';

/** Options of {@link createTestSkill}. */
export interface TestSkillOptions {
  /** The tenant the verifier trusts. Default a new {@link SkillTestIssuer}. */
  readonly issuer?: SkillTestIssuer;
  /** Default the demo provider at the fixed clock. */
  readonly weather?: WeatherProvider;
  /** Refuse requests for any other skill id. Default unset. */
  readonly skillId?: string;
  /** The fixed clock, ms. Default the issuer's clock (`TEST_NOW` unless it says otherwise). */
  readonly now?: number;
  /** Replaces the verifier that trusts {@link issuer} (a check the test holds open, say). */
  readonly verify?: VerifyAccessToken;
  /** The Alexa API client's `fetch`. Default Node's (which nock answers). */
  readonly alexaFetch?: typeof fetch;
}

/** A skill under test, its transport and its log lines. */
export interface TestSkill {
  readonly skill: WhatShouldIWearSkill;
  /** In-process transport to {@link skill}. */
  readonly transport: Transport;
  readonly issuer: SkillTestIssuer;
  /** Every log line, as written. */
  readonly logs: string[];
  /** The log lines parsed. */
  records(): Record<string, unknown>[];
}

/** Builds the skill for offline tests (see the module comment). */
export function createTestSkill(options: TestSkillOptions = {}): TestSkill {
  const issuer = options.issuer ?? new SkillTestIssuer();
  const at = options.now ?? issuer.now;
  const now = () => at;
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line), now });
  const skill = createSkill({
    verify:
      options.verify ??
      createAccessTokenVerifier({
        issuerBaseUrl: issuer.url,
        audience: issuer.audience,
        requiredScope: TEST_SCOPE,
        now,
        jwks: { timeoutMs: 100 },
      }),
    weather: options.weather ?? createDemoProvider({ now }),
    alexaApi: createAlexaApi({
      now,
      timeoutMs: 200,
      ...(options.alexaFetch ? { fetch: options.alexaFetch } : {}),
    }),
    logger,
    now,
    skillId: options.skillId,
  });
  return {
    skill,
    transport: inProcess(skill),
    issuer,
    logs,
    records: () => logs.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
