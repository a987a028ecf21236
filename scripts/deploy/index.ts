export {
  applyAccountLinking,
  buildLinkingRequest,
  linkingValues,
  mask,
  renderTemplate,
  type ApplyLinkingOptions,
  type LinkingValues,
} from './account-linking.js';
export {
  assertProjectProfile,
  EXPECTED_PROFILE,
  readProfileUserConfig,
  stackParameters,
  syncAskResources,
  type SyncOptions,
} from './ask-resources.js';
export {
  CFN_DEPLOYER_DEFAULT_REGION,
  decideReservation,
  LAMBDA_MIN_UNRESERVED,
  parseAccountSettings,
  planProxyReservation,
  readAccountConcurrency,
  type AccountConcurrency,
  type ReservationDecision,
} from './concurrency.js';
export { DEPLOY_USAGE, runDeployCli, type DeployCliIo } from './cli.js';
export { LOG_RETENTION_DAYS, readDeployConfig, type DeployConfig } from './config.js';
export {
  nextSteps,
  runDeploy,
  type BuildStep,
  type DeployOptions,
  type DeployResult,
} from './deploy.js';
export {
  AskCliBrokenError,
  AskProfileError,
  DeployError,
  HostMismatchError,
  ProjectFileError,
  StackOutputError,
  StepFailedError,
  ToolMissingError,
} from './errors.js';
export { assertSameHost, type LinkingUrls } from './host-check.js';
export {
  CFN_DEPLOYER,
  PROJECT_PATHS,
  PROXY_URL_OUTPUT,
  readProfileState,
  REPO_ROOT,
  SKILL_ENDPOINT_OUTPUT,
  type ProfileState,
  type RegionDeployState,
} from './project.js';
export {
  ANTLR4TS_OVERRIDE,
  ASK_CLI_INSTALL,
  ASK_CLI_KNOWN_GOOD,
  createProcessRunner,
  installHint,
  type CommandResult,
  type CommandRunner,
  type RunOptions,
} from './runner.js';
export {
  buildSkillPackage,
  fileUris,
  type SkillPackageOptions,
  type SkillPackageResult,
} from './skill-package.js';
export { resolveDeployedStack, type DeployedStack, type ResolveOptions } from './stack-outputs.js';
