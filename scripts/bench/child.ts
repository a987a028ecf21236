/**
 * A benchmark's measuring process: `file` run by this Node in `dir` with `args`, its stdout a pipe
 * this process drains (as Lambda's runtime drains a function's: Node writes to a pipe without
 * blocking on it, where a file would be a synchronous write), its figures sent back over IPC.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What the child sent, and what it wrote to stdout. */
export interface ChildRun<T> {
  readonly result: T;
  readonly stdoutBytes: number;
  readonly stdoutLines: number;
}

/** Runs the child; rejects when it exits non-zero or sends nothing. */
export function runBenchChild<T>(
  dir: string,
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ChildRun<T>> {
  return new Promise((done, fail) => {
    let result: T | undefined;
    let stdoutBytes = 0;
    let stdoutLines = 0;
    const child = spawn(process.execPath, [join(dir, file), ...args], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      for (const byte of chunk) if (byte === 10) stdoutLines += 1;
    });
    child.on('message', (message) => {
      result = message as T;
    });
    child.on('close', (code) => {
      if (code === 0 && result !== undefined) done({ result, stdoutBytes, stdoutLines });
      else fail(new Error(`the bench process exited ${String(code)}`));
    });
  });
}
