/**
 * The one place the deploy starts other programs. Tests pass a fake {@link CommandRunner}, so no
 * test ever runs `ask` or `aws`.
 */
import { spawn } from 'node:child_process';
import { ToolMissingError } from './errors.js';

/** How a command ran. */
export interface CommandResult {
  /** The exit code (a signal counts as 1). */
  readonly exitCode: number;
  /** Standard output, when captured (empty when inherited). */
  readonly stdout: string;
  /** Standard error, when captured (empty when inherited). */
  readonly stderr: string;
}

/** Options of one command. */
export interface RunOptions {
  /** Let the command write to this terminal (long steps such as `ask deploy`). Default: capture. */
  readonly inherit?: boolean;
  /** Working directory. Default: the caller's. */
  readonly cwd?: string;
}

/**
 * Runs `command` with `args` (no shell: arguments are never re-parsed) and resolves with how it
 * ended. Rejects with {@link ToolMissingError} when the program is not installed.
 */
export type CommandRunner = (
  command: string,
  args: readonly string[],
  options?: RunOptions,
) => Promise<CommandResult>;

const INSTALL_HINTS: Readonly<Record<string, string>> = {
  ask: 'install the ASK CLI (npm install -g ask-cli) and run `ask configure`',
  aws: 'install the AWS CLI v2 (https://aws.amazon.com/cli/) or let `ask deploy` record the stack outputs',
};

/** The hint printed when `tool` is missing. */
export function installHint(tool: string): string {
  return INSTALL_HINTS[tool] ?? 'install it and try again';
}

/** A {@link CommandRunner} backed by `child_process.spawn`. */
export function createProcessRunner(): CommandRunner {
  return (command, args, options = {}) =>
    new Promise<CommandResult>((resolve, reject) => {
      // npm installs CLIs as .cmd shims on Windows, which spawn cannot start without a shell.
      const program = process.platform === 'win32' ? `${command}.cmd` : command;
      const child = spawn(program, args, {
        cwd: options.cwd,
        stdio: options.inherit === true ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'ENOENT'
            ? new ToolMissingError(command, installHint(command), { cause: error })
            : error,
        );
      });
      child.once('close', (code) => {
        resolve({ exitCode: code ?? 1, stdout, stderr });
      });
    });
}
