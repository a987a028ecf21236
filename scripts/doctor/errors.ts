/** The doctor's failures, under {@link DoctorError} with a stable `code`. */

/** Base of the doctor's failures. */
export class DoctorError extends Error {
  override readonly name: string = 'DoctorError';
  /** Stable identifier of the kind of failure. */
  readonly code: string = 'ERR_DOCTOR';
}

/** Arguments or variables are missing or malformed. */
export class DoctorUsageError extends DoctorError {
  override readonly name = 'DoctorUsageError';
  override readonly code = 'ERR_DOCTOR_USAGE';
}

/** The in-process local stack could not start or link its test user. */
export class LocalStackError extends DoctorError {
  override readonly name = 'LocalStackError';
  override readonly code = 'ERR_LOCAL_STACK';
}
