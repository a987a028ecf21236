/** The Alexa APIs account-linked skills call, mocked on loopback (or answered by a pure responder). */
export {
  alexaApiResponder,
  GRANTED_ADDRESS,
  GRANTED_PROFILE,
  type AlexaApiMockOptions,
  type AlexaApiResponder,
  type ApiState,
  type CustomerProfile,
  type DeviceAddress,
  type DeviceSettings,
  type MobileNumber,
} from './answers.js';
export { mockAlexaApi, type AlexaApiMock } from './mock-alexa-api.js';
