import { expect } from 'chai';
import fc from 'fast-check';
import { createLogger } from '../../common/logger.js';
import { createAlexaApi } from '../../lambda/alexa/index.js';
import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { InvalidRequestEnvelopeError } from '../../lambda/request/index.js';
import { escapeSsml, speakable } from '../../lambda/speech/index.js';
import {
  createSkill,
  SkillIdMismatchError,
  type WhatShouldIWearSkill,
} from '../../lambda/skill.js';
import { createDemoProvider } from '../../lambda/weather/index.js';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  TEST_SKILL_ID,
} from '../harness/requests.js';
import { TEST_NOW, SkillTestIssuer } from '../harness/tokens.js';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from './runs.js';

/** Words that would betray internals if spoken. */
const INTERNALS =
  /error|exception|stack|undefined|null|\[object|typeerror|at [\w.]+ \(|\.ts\b|\.js\b|ERR_/i;

/** Sets `value` at a random path of a JSON-like object (creating nothing new: replaces or deletes). */
function damage(target: unknown, path: number[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(target) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let depth = 0; depth < path.length; depth += 1) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(path[depth] ?? 0) % keys.length] ?? '';
    const child = node[key];
    if (depth === path.length - 1 || typeof child !== 'object' || child === null) {
      if (remove) Reflect.deleteProperty(node, key);
      else node[key] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

describe('fuzz: the skill', function () {
  this.timeout(FUZZ_TIMEOUT_MS);
  let issuer: SkillTestIssuer;
  let skill: WhatShouldIWearSkill;
  let token: string;

  before(() => {
    issuer = new SkillTestIssuer();
    token = issuer.mint();
  });

  beforeEach(async () => {
    issuer.serveJwks();
    const now = () => TEST_NOW;
    skill = createSkill({
      verify: createAccessTokenVerifier({
        issuerBaseUrl: issuer.issuer,
        audience: issuer.audience,
        requiredScope: 'read:whattowear',
        now,
      }),
      weather: createDemoProvider({ now }),
      alexaApi: createAlexaApi({
        now,
        fetch: () => Promise.resolve(new Response('', { status: 500 })),
      }),
      logger: createLogger({ sink: () => undefined }),
      now,
      skillId: TEST_SKILL_ID,
    });
    await skill.invoke(
      intentRequest('WhatShouldIWearIntent', { city: 'Paris' }, { accessToken: token }),
    );
  });

  async function check(event: unknown, spoken: string[] = []): Promise<void> {
    let reply;
    try {
      reply = await skill.invoke(event, {});
    } catch (error) {
      expect(error, String(error)).to.satisfy(
        (e: unknown) =>
          e instanceof InvalidRequestEnvelopeError || e instanceof SkillIdMismatchError,
      );
      return;
    }
    expect(reply.version).to.equal('1.0');
    expect(reply.response).to.be.an('object');
    const speech = reply.response.outputSpeech;
    if (speech !== undefined) {
      expect(speech.type).to.equal('SSML');
      const ssml = speech.type === 'SSML' ? speech.ssml : '';
      expect(ssml).to.match(/^<speak>[\s\S]*<\/speak>$/);
      expect(ssml.slice(7, -8)).not.to.match(/<(?!break|say-as|emphasis|\/)/);
      // What the user said comes back in the answer; only our own words are checked.
      const ours = spoken.reduce(
        (text, value) => (value === '' ? text : text.split(value).join(' ')),
        ssml,
      );
      expect(ours, ssml).not.to.match(INTERNALS);
    }
  }

  it('answers random slot values with a valid response that speaks no internals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(
          fc.oneof(
            fc.string(),
            fc.constantFrom('<speak>', '&amp;', ']]>', 'Nowhere', '', ' '),
            fc.string({ unit: 'binary', maxLength: 300 }),
          ),
          { nil: undefined },
        ),
        fc.option(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '2026-11-26',
              '2026-W48-WE',
              'XXXX-12-01',
              '2026-13-45',
              'PRESENT_REF',
              '2026-WI',
            ),
          ),
          { nil: undefined },
        ),
        fc.constantFrom('en-US', 'en-GB', 'en-AU', 'de-DE', 'xx'),
        async (city, date, locale) => {
          const spoken =
            city === undefined
              ? []
              : [escapeSsml(speakable(city)), escapeSsml(speakable(city, 100))];
          await check(
            intentRequest(
              'WhatShouldIWearIntent',
              { city, date },
              { accessToken: token, locale, withoutAlexaApi: true },
            ),
            spoken,
          );
        },
      ),
      fuzzParameters,
    );
  });

  it('answers or cleanly refuses mutated envelopes', async () => {
    const bases = [
      launchRequest({ accessToken: token }),
      intentRequest(
        'WhatShouldIWearIntent',
        { city: 'Paris', date: '2026-11-27' },
        { accessToken: token },
      ),
      intentRequest('AMAZON.HelpIntent'),
      sessionEndedRequest(),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.array(
          fc.tuple(
            fc.array(fc.nat(20), { minLength: 1, maxLength: 5 }),
            fc.jsonValue({ maxDepth: 2 }),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        async (which, damages) => {
          const event = damages.reduce<unknown>(
            (e, [path, value, remove]) => damage(e, path, value, remove),
            bases[which],
          );
          await check(event);
        },
      ),
      fuzzParameters,
    );
  });

  it('refuses anything that is not an envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (event) => {
        await check(event);
      }),
      fuzzParameters,
    );
  });
});
