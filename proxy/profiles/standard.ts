/** The standard profile: an RFC 6749 token endpoint, sent and read as it is (generic rules only). */
import type { UpstreamProfile } from './profile.js';

export const standardProfile: UpstreamProfile = {
  name: 'standard',
  describes: 'any RFC 6749 token endpoint (Auth0, Okta, Cognito, Keycloak, Entra ID, Google, ...)',
  request: (form) => form,
  answer: (read) => read,
};
