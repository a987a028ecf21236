import { expect } from 'chai';
import {
  DEFAULT_API_ACCESS_TOKEN,
  DEFAULT_DEVICE_ID,
  GRANTED_ADDRESS,
  HarnessOptionError,
  mockAlexaApi,
  type AlexaApiMock,
  type AlexaApiMockOptions,
} from 'alexa-skill-harness';

const DEVICE = `/v1/devices/${DEFAULT_DEVICE_ID}/settings`;
const SETTINGS = `/v2/devices/${DEFAULT_DEVICE_ID}/settings`;
const PROFILE = '/v2/accounts/~current/settings/Profile';

describe('mockAlexaApi', () => {
  const open: AlexaApiMock[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((m) => m.close()));
  });

  async function call(
    options: AlexaApiMockOptions | 'unreachable',
    path: string,
    token = DEFAULT_API_ACCESS_TOKEN,
  ): Promise<{ status: number; body: unknown } | 'unreachable'> {
    const api = await mockAlexaApi(options);
    open.push(api);
    try {
      const response = await fetch(`${api.apiEndpoint}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    } catch {
      return 'unreachable';
    }
  }

  it('serves the settings, with defaults for what is not given', async () => {
    expect(
      await call({ settings: { timeZone: 'Europe/Paris' } }, `${SETTINGS}/System.timeZone`),
    ).to.deep.equal({ status: 200, body: 'Europe/Paris' });
    expect(await call({}, `${SETTINGS}/System.temperatureUnit`)).to.deep.equal({
      status: 200,
      body: 'FAHRENHEIT',
    });
    expect(await call({}, `${SETTINGS}/System.distanceUnits`)).to.deep.equal({
      status: 200,
      body: 'IMPERIAL',
    });
  });

  it('serves the full address and the postal code when granted', async () => {
    expect(await call({ address: 'granted' }, `${DEVICE}/address`)).to.deep.equal({
      status: 200,
      body: GRANTED_ADDRESS,
    });
    const given = { countryCode: 'FR', postalCode: '75001', city: 'Paris' };
    expect(await call({ address: given }, `${DEVICE}/address/countryAndPostalCode`)).to.deep.equal({
      status: 200,
      body: { countryCode: 'FR', postalCode: '75001' },
    });
  });

  it('answers denied with 403, absent with 204, failing with 500', async () => {
    expect(await call({}, `${DEVICE}/address`)).to.have.property('status', 403);
    expect(await call({ address: 'absent' }, `${DEVICE}/address`)).to.deep.equal({
      status: 204,
      body: undefined,
    });
    expect(
      await call({ postalCode: 'failing' }, `${DEVICE}/address/countryAndPostalCode`),
    ).to.have.property('status', 500);
    expect(await call({ settings: 'denied' }, `${SETTINGS}/System.timeZone`)).to.have.property(
      'status',
      403,
    );
  });

  it('drops the connection of an unreachable API, or listens nowhere when all are', async () => {
    expect(await call({ profile: 'unreachable' }, `${PROFILE}.email`)).to.equal('unreachable');
    expect(await call('unreachable', `${PROFILE}.email`)).to.equal('unreachable');
  });

  it('serves the customer profile whole or field by field', async () => {
    expect(await call({ profile: 'granted' }, `${PROFILE}.givenName`)).to.deep.equal({
      status: 200,
      body: 'Ada',
    });
    const profile = { name: 'Grace Hopper', mobileNumber: 'denied' as const };
    expect(await call({ profile }, `${PROFILE}.name`)).to.deep.equal({
      status: 200,
      body: 'Grace Hopper',
    });
    expect(await call({ profile }, `${PROFILE}.mobileNumber`)).to.have.property('status', 403);
    expect(await call({ profile }, `${PROFILE}.email`)).to.have.property('status', 204);
  });

  it('refuses a call without the envelope apiAccessToken, and unknown paths', async () => {
    expect(await call({}, `${SETTINGS}/System.timeZone`, 'another')).to.have.property(
      'status',
      401,
    );
    expect(await call({}, '/v1/unknown')).to.have.property('status', 404);
  });

  it('records the paths called', async () => {
    const api = await mockAlexaApi({});
    open.push(api);
    await fetch(`${api.apiEndpoint}${SETTINGS}/System.timeZone`);
    expect(api.calls).to.deep.equal([`${SETTINGS}/System.timeZone`]);
  });

  it('refuses unknown options and states, naming them', async () => {
    const bad = (options: unknown) => mockAlexaApi(options as AlexaApiMockOptions);
    for (const [options, message] of [
      [{ adress: 'granted' }, /unknown option adress/],
      [{ address: 'allowed' }, /address "allowed" is not one of/],
      [{ settings: 'absent' }, /settings are given as values/],
    ] as const) {
      let error: unknown;
      await bad(options).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(HarnessOptionError).with.property('message').match(message);
    }
  });
});
