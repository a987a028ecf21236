/**
 * This skill under the harness package's loopback stand-ins, without nock: the verifier fetches
 * the key set from a `TestIssuer.listen` server and the Alexa API client calls a `mockAlexaApi`
 * server through the envelope's `apiEndpoint`, all on the real clock, as a skill in another
 * process would see them.
 */
import { expect, use } from 'chai';
import {
  alexaAssertions,
  conversation,
  inProcess,
  mockAlexaApi,
  TestIssuer,
  tokenFailures,
  type AlexaApiMock,
} from 'alexa-skill-harness';
import { createLogger } from '../../../common/logger.js';
import { createAlexaApi } from '../../../lambda/alexa/index.js';
import { createAccessTokenVerifier } from '../../../lambda/auth/index.js';
import { createSkill } from '../../../lambda/skill.js';
import { createDemoProvider } from '../../../lambda/weather/index.js';
import { loadLocaleModel } from '../../../tools/utterances/index.js';
import { TEST_AUDIENCE, TEST_SCOPE } from '../../harness/index.js';

use(alexaAssertions);

describe('the skill against the harness package on loopback (real clock, no nock)', () => {
  let issuer: TestIssuer;
  let api: AlexaApiMock;
  let talk: (accessToken: string | undefined) => ReturnType<typeof conversation>;

  before(async () => {
    issuer = await TestIssuer.listen({ audience: TEST_AUDIENCE, scope: TEST_SCOPE });
  });

  after(() => issuer.close());

  beforeEach(async () => {
    api = await mockAlexaApi({
      settings: { timeZone: 'America/Chicago', temperatureUnit: 'CELSIUS' },
      postalCode: 'denied',
    });
    const skill = createSkill({
      verify: createAccessTokenVerifier({
        issuerBaseUrl: issuer.url,
        audience: TEST_AUDIENCE,
        requiredScope: TEST_SCOPE,
        jwks: { timeoutMs: 1000 },
      }),
      weather: createDemoProvider({}),
      alexaApi: createAlexaApi({ timeoutMs: 1000 }),
      logger: createLogger({ level: 'error', sink: () => undefined }),
      now: Date.now,
    });
    talk = (accessToken) =>
      conversation({
        transport: inProcess(skill),
        model: loadLocaleModel('en-US'),
        timeZone: 'America/Chicago',
        apiEndpoint: api.apiEndpoint,
        accessToken,
      });
  });

  afterEach(() => api.close());

  it('answers a linked user, reading the settings from the mock', async () => {
    const reply = await talk(issuer.mint()).say('what should I wear in Boston tomorrow');
    expect(reply)
      .to.have.speech(/Boston/)
      .and.to.have.speech(/degrees/);
    // The mock's unit (Celsius), not the locale's own (Fahrenheit for en-US): the answer was read.
    expect(reply.response.card).to.deep.include({ type: 'Standard' });
    expect((reply.response.card as { text?: string }).text).to.match(/^Feels like -?\d+°C/);
    expect(api.calls.some((path) => path.endsWith('/System.temperatureUnit'))).to.equal(true);
  });

  it('asks to link the account for every bad token of the loopback issuer', async () => {
    for (const failure of tokenFailures(issuer)) {
      expect(await talk(failure.token).launch(), failure.name).to.have.linkAccountCard();
    }
  });
});
