export {
  DEFAULT_API,
  DEFAULT_TEST_CLIENT_ID,
  startLocalIssuer,
  type IssuerSwitches,
  type LocalIssuer,
  type LocalIssuerOptions,
} from './server.js';
export type { GrantType, RegisteredClient, TokenEndpointAuthMethod } from './clients.js';
export type { ApiRegistration } from './state.js';
export { IssuerOptionsError, OAuthError, type OAuthErrorCode } from './errors.js';
