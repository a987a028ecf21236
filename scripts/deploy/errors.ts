/**
 * The deploy's failures: one class per kind, under {@link DeployError} with a stable `code`.
 * Every message says what to do next; none carries a secret.
 */

/** Base of every deploy failure. */
export class DeployError extends Error {
  override readonly name: string = 'DeployError';
  /** Stable identifier of the kind of failure. */
  readonly code: string = 'ERR_DEPLOY';
}

/** A program the deploy needs (`ask`, `aws`) is not installed or not on PATH. */
export class ToolMissingError extends DeployError {
  override readonly name = 'ToolMissingError';
  override readonly code = 'ERR_TOOL_MISSING';
  /** The program that was looked for. */
  readonly tool: string;

  constructor(tool: string, hint: string, options?: ErrorOptions) {
    super(`${tool} was not found on PATH: ${hint}`, options);
    this.tool = tool;
  }
}

/** The ASK CLI is installed but cannot start (a dependency resolved to a broken version). */
export class AskCliBrokenError extends DeployError {
  override readonly name = 'AskCliBrokenError';
  override readonly code = 'ERR_ASK_CLI_BROKEN';
}

/** The ASK CLI profile is missing, or its login no longer works. */
export class AskProfileError extends DeployError {
  override readonly name = 'AskProfileError';
  override readonly code = 'ERR_ASK_PROFILE';
}

/** The issuer, the authorization URL and the upstream token URL are not on one host. */
export class HostMismatchError extends DeployError {
  override readonly name = 'HostMismatchError';
  override readonly code = 'ERR_HOST_MISMATCH';
}

/** A project file (ask-resources.json, .ask/ask-states.json, a template) is missing or malformed. */
export class ProjectFileError extends DeployError {
  override readonly name = 'ProjectFileError';
  override readonly code = 'ERR_PROJECT_FILE';
}

/** The stack outputs the deploy needs (the proxy's URL, the skill endpoint) cannot be found. */
export class StackOutputError extends DeployError {
  override readonly name = 'StackOutputError';
  override readonly code = 'ERR_STACK_OUTPUT';
}

/** An external command (`ask deploy`, `ask smapi ...`) exited with a failure. */
export class StepFailedError extends DeployError {
  override readonly name = 'StepFailedError';
  override readonly code = 'ERR_STEP_FAILED';
  /** The step that failed, as printed. */
  readonly step: string;
  /** The command's exit code. */
  readonly exitCode: number;

  constructor(step: string, exitCode: number, detail: string) {
    super(`${step} failed (exit code ${exitCode})${detail === '' ? '' : `: ${detail}`}`);
    this.step = step;
    this.exitCode = exitCode;
  }
}
