export {
  ALEXA_DEADLINE_MS,
  checkTokenAnswer,
  checkTokenUrl,
  MIN_EXPIRES_IN,
  type CheckResult,
  type DoctorGrant,
} from './checks.js';
export { DOCTOR_USAGE, runDoctorCli, type DoctorCliIo } from './cli.js';
export { DoctorError, DoctorUsageError, LocalStackError } from './errors.js';
export {
  LOCAL_CLIENT_ID,
  LOCAL_REDIRECT_URI,
  startLocalStack,
  type LocalStack,
} from './local-stack.js';
export { diagnoseProvider, providerLines, type ProviderDiagnosis, type Quirk } from './provider.js';
export { runDoctor, type DoctorOptions, type DoctorReport, type DoctorRow } from './run.js';
export { formatTable } from './table.js';
export {
  callTokenEndpoint,
  type ClientScheme,
  type TokenAnswer,
  type TokenCallOptions,
} from './token-call.js';
