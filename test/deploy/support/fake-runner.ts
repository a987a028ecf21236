/** A scripted stand-in for `ask` and `aws`: records each call, answers from handlers, runs nothing. */
import {
  installHint,
  ToolMissingError,
  type CommandResult,
  type CommandRunner,
  type RunOptions,
} from '../../../scripts/deploy/index.js';

/** One recorded call. */
export interface RecordedCall {
  readonly command: string;
  readonly args: readonly string[];
  readonly options: RunOptions | undefined;
}

/** Answers one call; `undefined` falls through to the default (exit 0, no output). */
export type FakeHandler = (
  args: readonly string[],
  options: RunOptions | undefined,
) => Promise<Partial<CommandResult> | undefined> | Partial<CommandResult> | undefined;

/** A fake runner and what it saw. */
export interface FakeRunner {
  readonly run: CommandRunner;
  readonly calls: RecordedCall[];
  /** The argument lists of calls to `command`, joined by spaces. */
  commandLines(command?: string): string[];
}

/**
 * Creates a fake runner. `handlers` maps a command line prefix (e.g. `ask deploy`) to a handler;
 * `missing` lists programs that are "not installed".
 */
export function fakeRunner(
  handlers: Readonly<Record<string, FakeHandler>> = {},
  missing: readonly string[] = [],
): FakeRunner {
  const calls: RecordedCall[] = [];
  const run: CommandRunner = async (command, args, options) => {
    calls.push({ command, args: [...args], options });
    if (missing.includes(command)) throw new ToolMissingError(command, installHint(command));
    const line = [command, ...args].join(' ');
    const prefix = Object.keys(handlers)
      .filter((p) => line.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    const answer = prefix === undefined ? undefined : await handlers[prefix]?.(args, options);
    return {
      exitCode: answer?.exitCode ?? 0,
      stdout: answer?.stdout ?? '',
      stderr: answer?.stderr ?? '',
    };
  };
  return {
    run,
    calls,
    commandLines: (command) =>
      calls
        .filter((c) => command === undefined || c.command === command)
        .map((c) => [c.command, ...c.args].join(' ')),
  };
}
