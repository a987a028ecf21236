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
  type AlexaRequestVerifierOptions,
  type RequestCheck,
  type VerifyAlexaRequest,
} from './verify-request.js';
export { canonicalCertUrl, isAlexaCertUrl } from './cert-url.js';
export {
  boundCertCache,
  CertCacheShapeError,
  DEFAULT_CERT_CACHE_AGE_MS,
  DEFAULT_CERT_CACHE_ENTRIES,
  type CertCacheLimits,
} from './cert-cache.js';
export { parseRequestEnvelope } from './envelope.js';
export * from './errors.js';
