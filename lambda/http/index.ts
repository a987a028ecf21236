export {
  createSkillRequestListener,
  DEFAULT_SKILL_BODY_BYTES,
  startSkillHttpEndpoint,
  type SkillHttpEndpoint,
  type SkillHttpEndpointOptions,
  type SkillHttpMode,
  type SkillInvoker,
  type SkillRequestListenerOptions,
} from './server.js';
export {
  createAlexaRequestVerifier,
  isAlexaCertUrl,
  type AlexaRequestVerifierOptions,
  type RequestCheck,
  type VerifyAlexaRequest,
} from './verify-request.js';
export { parseRequestEnvelope } from './envelope.js';
export * from './errors.js';
