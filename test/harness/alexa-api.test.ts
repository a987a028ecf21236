import { expect } from 'chai';
import {
  AlexaApiUnavailableError,
  AlexaNoDataError,
  AlexaPermissionError,
  createAlexaApi,
} from '../../lambda/alexa/index.js';
import { nockAlexaApi, serveAddress, TEST_POSTAL_ADDRESS } from './alexa-api.js';
import { expectRejection } from './assertions.js';
import {
  TEST_API_ACCESS_TOKEN,
  TEST_API_ENDPOINT,
  TEST_DEVICE_ID,
  TEST_USER_ID,
} from './requests.js';

const access = {
  apiEndpoint: TEST_API_ENDPOINT,
  apiAccessToken: TEST_API_ACCESS_TOKEN,
  deviceId: TEST_DEVICE_ID,
  userId: TEST_USER_ID,
};
const client = () => createAlexaApi({ timeoutMs: 200 });

describe('Alexa API mocks', () => {
  it('serve the time zone and temperature unit', async () => {
    nockAlexaApi({ settings: { unit: 'CELSIUS', timeZone: 'Europe/Oslo' } });
    const api = client();
    expect(await api.temperatureUnit(access)).to.equal('CELSIUS');
    expect(await api.timeZone(access)).to.equal('Europe/Oslo');
  });

  it('serve a granted address', async () => {
    const mock = nockAlexaApi({ address: 'granted' });
    expect(await client().postalAddress(access)).to.deep.equal(TEST_POSTAL_ADDRESS);
    expect(mock.address?.isDone()).to.equal(true);
  });

  it('refuse a denied address with 403', async () => {
    nockAlexaApi({ address: 'denied' });
    await expectRejection(
      client().postalAddress(access),
      AlexaPermissionError,
      'ERR_ALEXA_PERMISSION',
      'refused',
    );
  });

  it('answer an absent address with 204', async () => {
    nockAlexaApi({ address: 'absent' });
    await expectRejection(
      client().postalAddress(access),
      AlexaNoDataError,
      'ERR_ALEXA_NO_DATA',
      'no-data',
    );
  });

  it('fail the address with a 500 or a network error', async () => {
    for (const [address, reason] of [
      ['failing', 'status'],
      ['unreachable', 'unreachable'],
    ] as const) {
      nockAlexaApi({ address, settings: false });
      await expectRejection(
        client().postalAddress(access),
        AlexaApiUnavailableError,
        'ERR_ALEXA_API',
        reason,
      );
    }
  });

  it('fail the settings with a 500 or a network error', async () => {
    for (const [settings, reason] of [
      ['failing', 'status'],
      ['unreachable', 'unreachable'],
    ] as const) {
      nockAlexaApi({ settings });
      await expectRejection(
        client().timeZone(access),
        AlexaApiUnavailableError,
        'ERR_ALEXA_API',
        reason,
      );
    }
  });

  it('tell a timeout, an answer that is not JSON and an undocumented value apart', async () => {
    const answering = (body: string | null, status = 200) =>
      createAlexaApi({
        timeoutMs: 200,
        fetch: () => Promise.resolve(new Response(body, { status })),
      });
    const slow = createAlexaApi({
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => {
            reject(init.signal?.reason as Error);
          });
        }),
    });
    await expectRejection(
      slow.timeZone(access),
      AlexaApiUnavailableError,
      'ERR_ALEXA_API',
      'timeout',
    );
    await expectRejection(
      answering('<html>').timeZone(access),
      AlexaApiUnavailableError,
      'ERR_ALEXA_API',
      'not-json',
    );
    await expectRejection(
      answering('"KELVIN"').temperatureUnit(access),
      AlexaApiUnavailableError,
      'ERR_ALEXA_API',
      'bad-answer',
    );
    await expectRejection(
      answering(null, 204).postalAddress(access),
      AlexaNoDataError,
      'ERR_ALEXA_NO_DATA',
      'no-data',
    );
  });

  it('check the API access token', async () => {
    nockAlexaApi({ settings: { unit: 'CELSIUS' } });
    await expectRejection(
      client().temperatureUnit({ ...access, apiAccessToken: 'another' }),
      AlexaApiUnavailableError,
      'ERR_ALEXA_API',
    );
  });
});

describe('the Alexa API client, shared by the accounts of one device', () => {
  it("keeps one account's postal code from another account on the same device", async () => {
    const api = client();
    serveAddress({ countryCode: 'US', postalCode: '60601' });
    expect(await api.postalAddress(access)).to.deep.equal({
      countryCode: 'US',
      postalCode: '60601',
    });
    // A second account on the same Echo, without the permission: the API refuses it, and so
    // does the client, however recently the first account's address was fetched.
    serveAddress(403);
    await expectRejection(
      api.postalAddress({ ...access, userId: 'amzn1.ask.account.SECOND' }),
      AlexaPermissionError,
      'ERR_ALEXA_PERMISSION',
      'refused',
    );
  });

  it('never remembers a refusal: the permission granted since is seen at once', async () => {
    const api = client();
    serveAddress(403);
    await expectRejection(api.postalAddress(access), AlexaPermissionError, 'ERR_ALEXA_PERMISSION');
    serveAddress({ countryCode: 'US', postalCode: '60601' });
    expect(await api.postalAddress(access)).to.deep.equal({
      countryCode: 'US',
      postalCode: '60601',
    });
  });

  it('shares the Settings answers of a device between its accounts', async () => {
    const api = client();
    nockAlexaApi({ settings: { timeZone: 'Europe/Oslo' } });
    expect(await api.timeZone(access)).to.equal('Europe/Oslo');
    expect(await api.timeZone({ ...access, userId: 'amzn1.ask.account.SECOND' })).to.equal(
      'Europe/Oslo',
    );
    await api.temperatureUnit(access);
  });
});
