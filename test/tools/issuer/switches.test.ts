import { expect } from 'chai';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  IssuerOptionsError,
  startLocalIssuer,
  type LocalIssuer,
} from '../../../tools/issuer/index.js';
import { postToken, verifyWithJwks } from './helpers.js';

describe('local issuer: switches', () => {
  let issuer: LocalIssuer;
  let clock: number;
  const mint = async (): Promise<string> => {
    const answer = await postToken(issuer, {
      grant_type: 'client_credentials',
      audience: 'https://whatshouldiwear',
      client_id: 'm2m',
      client_secret: 'm2m-secret',
    });
    return answer.body.access_token as string;
  };
  const kids = async (): Promise<string[]> => {
    const { keys } = (await (await fetch(issuer.jwksUrl)).json()) as { keys: { kid: string }[] };
    return keys.map((k) => k.kid);
  };

  beforeEach(async () => {
    clock = Date.UTC(2026, 10, 1);
    issuer = await startLocalIssuer({
      now: () => clock,
      clients: [{ clientId: 'm2m', clientSecret: 'm2m-secret' }],
      accessTokenTtlSeconds: 600,
    });
  });
  afterEach(async () => {
    await issuer.stop();
  });

  it('issues tokens with the configured lifetime', async () => {
    const claims = decodeJwt(await mint());
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).to.equal(600);
  });

  it('changes the lifetime of tokens issued after the switch', async () => {
    issuer.switches.setAccessTokenTtl(360);
    const claims = decodeJwt(await mint());
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).to.equal(360);
  });

  it('refuses a lifetime that is not a positive whole number', () => {
    expect(() => {
      issuer.switches.setAccessTokenTtl(0);
    }).to.throw(IssuerOptionsError);
  });

  it('signs with a new kid after a key rotation', async () => {
    const before = issuer.currentKid();
    const kid = await issuer.switches.rotateKeys();
    expect(kid).to.not.equal(before);
    expect(decodeProtectedHeader(await mint()).kid).to.equal(kid);
  });

  it('keeps the old key published during the grace period', async () => {
    issuer.switches.setAccessTokenTtl(7200);
    const old = await mint();
    await issuer.switches.rotateKeys(3600);
    clock += 3_599_000;
    expect(await kids()).to.have.length(2);
    await verifyWithJwks(issuer, old, undefined, new Date(clock));
  });

  it('drops the old key once the grace period is over', async () => {
    const oldKid = issuer.currentKid();
    await issuer.switches.rotateKeys(3600);
    clock += 3_600_000;
    expect(await kids()).to.deep.equal([issuer.currentKid()]);
    expect(await kids()).to.not.include(oldKid);
  });

  it('registers a client at run time', async () => {
    issuer.switches.registerClient({ clientId: 'late', clientSecret: 'late-secret' });
    const answer = await postToken(issuer, {
      grant_type: 'client_credentials',
      audience: 'https://whatshouldiwear',
      client_id: 'late',
      client_secret: 'late-secret',
    });
    expect(answer.status).to.equal(200);
  });
});
