import { expect } from 'chai';
import {
  createAccessTokenVerifier,
  TokenAudienceError,
  TokenScopeError,
} from '../../../lambda/auth/index.js';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import { exchange, getCode, postToken } from './helpers.js';

describe("local issuer: tokens and the skill's verifier", () => {
  let issuer: LocalIssuer;
  const verifier = () =>
    createAccessTokenVerifier({
      issuerBaseUrl: issuer.url,
      audience: 'https://whatshouldiwear',
      requiredScope: 'read:whattowear',
      jwks: { timeoutMs: 1000 },
    });
  const machineToken = async (audience: string, scope?: string): Promise<unknown> => {
    const answer = await postToken(issuer, {
      grant_type: 'client_credentials',
      audience,
      ...(scope === undefined ? {} : { scope }),
      client_id: 'm2m',
      client_secret: 'm2m-secret',
    });
    return answer.body.access_token;
  };
  before(async () => {
    issuer = await startLocalIssuer({
      apis: [
        { audience: 'https://whatshouldiwear', scopes: ['read:whattowear', 'read:other'] },
        { audience: 'https://other-api', scopes: ['read:whattowear'] },
      ],
      clients: [
        {
          clientId: 'alexa',
          clientSecret: 'alexa-secret',
          redirectUris: ['http://127.0.0.1/callback'],
        },
        { clientId: 'm2m', clientSecret: 'm2m-secret' },
      ],
    });
  });
  after(async () => {
    await issuer.stop();
  });

  it('accepts a user token from the authorization-code flow, with the issuer JWKS', async () => {
    const code = await getCode(issuer, {
      client_id: 'alexa',
      scope: 'offline_access read:whattowear',
    });
    const answer = await exchange(issuer, code, {
      client_id: 'alexa',
      client_secret: 'alexa-secret',
    });
    const granted = await verifier()(answer.body.access_token);
    expect(granted.subject).to.equal(issuer.userSub);
    expect(granted.scopes).to.include('read:whattowear');
  });

  it('accepts a machine token from client credentials', async () => {
    const granted = await verifier()(await machineToken('https://whatshouldiwear'));
    expect(granted.subject).to.equal('m2m@clients');
  });

  it('refuses a token for another audience', async () => {
    let caught: unknown;
    try {
      await verifier()(await machineToken('https://other-api'));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(TokenAudienceError).with.property('code', 'ERR_TOKEN_AUDIENCE');
  });

  it('refuses a token without the required scope', async () => {
    let caught: unknown;
    try {
      await verifier()(await machineToken('https://whatshouldiwear', 'read:other'));
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(TokenScopeError).with.property('code', 'ERR_TOKEN_SCOPE');
  });
});
