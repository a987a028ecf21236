// Compiled (not run) by the install test: the installed declarations serve a TypeScript user too.
import { expect, use } from 'chai';
import {
  alexaAssertions,
  conversation,
  inProcess,
  loadModel,
  mockAlexaApi,
  TestIssuer,
  tokenFailures,
  type ConversationOptions,
  type TokenFailure,
} from 'alexa-skill-harness';

use(alexaAssertions);

export async function typesCheck(): Promise<void> {
  const issuer: TestIssuer = await TestIssuer.listen({ audience: 'https://api.example' });
  const api = await mockAlexaApi({ profile: { email: 'ada@example.com' } });
  const options: ConversationOptions = {
    transport: inProcess(() => Promise.resolve({ version: '1.0', response: {} })),
    model: loadModel('model.json'),
    accessToken: issuer.mint({ sub: 'ada' }),
    apiEndpoint: api.apiEndpoint,
  };
  const reply = await conversation(options).say('greet Ada');
  expect(reply).to.have.speech(/Ada/).and.to.endSession();
  const failures: TokenFailure[] = tokenFailures(issuer);
  expect(failures).to.have.length.above(0);
  await Promise.all([issuer.close(), api.close()]);
}
