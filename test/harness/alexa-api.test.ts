import { expect } from 'chai';
import {
  AlexaApiUnavailableError,
  AlexaNoDataError,
  AlexaPermissionError,
  createAlexaApi,
} from '../../lambda/alexa/index.js';
import { mockAlexaApi, TEST_POSTAL_ADDRESS } from './alexa-api.js';
import { expectRejection } from './assertions.js';
import { TEST_API_ACCESS_TOKEN, TEST_API_ENDPOINT, TEST_DEVICE_ID } from './requests.js';

const access = {
  apiEndpoint: TEST_API_ENDPOINT,
  apiAccessToken: TEST_API_ACCESS_TOKEN,
  deviceId: TEST_DEVICE_ID,
};
const client = () => createAlexaApi({ timeoutMs: 200 });

describe('Alexa API mocks', () => {
  it('serve the time zone and temperature unit', async () => {
    mockAlexaApi({ settings: { unit: 'CELSIUS', timeZone: 'Europe/Oslo' } });
    const api = client();
    expect(await api.temperatureUnit(access)).to.equal('CELSIUS');
    expect(await api.timeZone(access)).to.equal('Europe/Oslo');
  });

  it('serve a granted address', async () => {
    const mock = mockAlexaApi({ address: 'granted' });
    expect(await client().postalAddress(access)).to.deep.equal(TEST_POSTAL_ADDRESS);
    expect(mock.address?.isDone()).to.equal(true);
  });

  it('refuse a denied address with 403', async () => {
    mockAlexaApi({ address: 'denied' });
    await expectRejection(
      client().postalAddress(access),
      AlexaPermissionError,
      'ERR_ALEXA_PERMISSION',
    );
  });

  it('answer an absent address with 204', async () => {
    mockAlexaApi({ address: 'absent' });
    await expectRejection(client().postalAddress(access), AlexaNoDataError, 'ERR_ALEXA_NO_DATA');
  });

  it('fail the address with a 500 or a network error', async () => {
    for (const address of ['failing', 'unreachable'] as const) {
      mockAlexaApi({ address, settings: false });
      await expectRejection(
        client().postalAddress(access),
        AlexaApiUnavailableError,
        'ERR_ALEXA_API',
      );
    }
  });

  it('fail the settings with a 500 or a network error', async () => {
    for (const settings of ['failing', 'unreachable'] as const) {
      mockAlexaApi({ settings });
      await expectRejection(client().timeZone(access), AlexaApiUnavailableError, 'ERR_ALEXA_API');
    }
  });

  it('check the API access token', async () => {
    mockAlexaApi({ settings: { unit: 'CELSIUS' } });
    await expectRejection(
      client().temperatureUnit({ ...access, apiAccessToken: 'another' }),
      AlexaApiUnavailableError,
      'ERR_ALEXA_API',
    );
  });
});
