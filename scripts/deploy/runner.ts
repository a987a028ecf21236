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

/** The ASK CLI version known to work here, and the override that keeps it starting. */
export const ASK_CLI_KNOWN_GOOD = 'ask-cli@2.30.7';
export const ANTLR4TS_OVERRIDE = 'antlr4ts=0.5.0-alpha.4';

/**
 * How to install the ASK CLI so that it starts: in a folder of its own, with the override
 * (npm ignores overrides in a global install). See docs/DEPLOY.md, section 2.
 */
export const ASK_CLI_INSTALL = `mkdir -p ~/.ask-cli && cd ~/.ask-cli && npm init -y && npm pkg set overrides.${ANTLR4TS_OVERRIDE} && npm install ${ASK_CLI_KNOWN_GOOD}, then put ~/.ask-cli/node_modules/.bin on PATH (docs/DEPLOY.md, section 2)`;

const INSTALL_HINTS: Readonly<Record<string, string>> = {
  ask: `install the ASK CLI (${ASK_CLI_INSTALL}) and run \`ask configure\``,
  aws: 'install the AWS CLI v2 (https://aws.amazon.com/cli/) or let `ask deploy` record the stack outputs',
};

/** The hint printed when `tool` is missing. */
export function installHint(tool: string): string {
  return INSTALL_HINTS[tool] ?? 'install it and try again';
}

/** cmd.exe's special characters, escaped with `^` in a command line it parses. */
const CMD_META = /[()%!^"<>&|;, ]/g;

/**
 * The arguments of `cmd.exe` that run npm's `<command>.cmd` shim with `args`, each argument quoted
 * for the program and then escaped for cmd.exe (twice: the shim hands its arguments to cmd.exe
 * again). Node refuses to spawn a `.cmd` without a shell since 20.12.2 (EINVAL), and a plain
 * `shell: true` would let cmd.exe re-read the arguments; this quotes them as cross-spawn does.
 */
export function windowsShimArgs(command: string, args: readonly string[]): string[] {
  const quoted = args.map((arg) => {
    // Backslashes before a quote, and at the end, are doubled; quotes are escaped; then quoted.
    const inner = arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\*)$/, '$1$1');
    return `"${inner}"`.replace(CMD_META, '^$&').replace(CMD_META, '^$&');
  });
  const line = [`${command}.cmd`.replace(CMD_META, '^$&'), ...quoted].join(' ');
  return ['/d', '/s', '/c', `"${line}"`];
}

/** A {@link CommandRunner} backed by `child_process.spawn`. */
export function createProcessRunner(): CommandRunner {
  return (command, args, options = {}) =>
    new Promise<CommandResult>((resolve, reject) => {
      const [program, programArgs, verbatim] =
        process.platform === 'win32'
          ? [process.env['ComSpec'] ?? 'cmd.exe', windowsShimArgs(command, args), true]
          : [command, [...args], false];
      const child = spawn(program, programArgs, {
        cwd: options.cwd,
        stdio: options.inherit === true ? 'inherit' : ['ignore', 'pipe', 'pipe'],
        windowsVerbatimArguments: verbatim,
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
