export {
  startLocalStack,
  ALEXA_REDIRECT_URI,
  STACK_AUDIENCE,
  STACK_CLIENT_ID,
  STACK_LINK_SCOPES,
  STACK_REQUIRED_SCOPE,
  type AlexaClientRegistration,
  type LocalStack,
  type LocalStackOptions,
  type StackPiece,
  type StackServer,
} from './stack.js';
export { createStackClock, type StackClock } from './stack-clock.js';
export {
  createAlexaAccountLink,
  type AlexaAccountLink,
  type AlexaAccountLinkOptions,
  type HeldTokens,
  type RefreshOutcome,
  type RequestToken,
} from './alexa-account-link.js';
export {
  authorize,
  callTokenUrl,
  pkcePair,
  type AccountLinkingSettings,
  type TokenAnswer,
} from './token-endpoint-client.js';
export { createUtteranceResolver, type UtteranceResolver } from './utterance-resolver.js';
export {
  buildRequestEnvelope,
  newSession,
  SIMULATED_IDS,
  type EnvelopeInput,
  type SimulatedSession,
} from './request-envelope.js';
export { callSkill, type SkillCallOptions } from './skill-client.js';
export {
  answerLines,
  renderResponse,
  ssmlToText,
  type RenderedAnswer,
  type RenderedCard,
} from './render.js';
export {
  ALEXA_SKILL_PROBLEM,
  createSimulator,
  type Simulator,
  type SimulatorOptions,
  type Turn,
} from './simulator.js';
export { describeExpiresIn, readProxyExchange, type ProxyExchange } from './proxy-exchanges.js';
export {
  createSimulatedAlexaApi,
  machineTimeZone,
  unitForLocale,
  type SimulatedDevice,
} from './device-settings.js';
export { runLine, type LineResult, type PromptContext } from './commands.js';
export { runPrompt, PROMPT, type PromptIo } from './prompt.js';
export { bannerLines, COMMAND_HELP } from './banner.js';
export { formatDuration, heardWords, linkedLines, refreshLine, turnLines } from './transcript.js';
export {
  parseStartArgs,
  START_USAGE,
  StartUsageError,
  type StartOptions,
} from './start-options.js';
export { alexaAccountFor, linkingSettingsFor, runStart, type StartIo } from './cli.js';
export * from './errors.js';
