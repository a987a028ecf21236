/**
 * The interactive prompt: reads lines, runs each (an utterance or a `/command`) in turn, prints
 * what happened. Ends on `/quit`, end of input (Ctrl-D), Ctrl-C, or when `signal` aborts. When the
 * input is not a terminal, each line is echoed after the prompt, so a piped session reads as a
 * transcript.
 */
import { createInterface } from 'node:readline';
import { runLine, type PromptContext } from './commands.js';

/** Where the prompt reads and writes. */
export interface PromptIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** True for a person at a terminal (readline editing, no echo). Default: the input's `isTTY`. */
  readonly terminal?: boolean;
  /** Ends the prompt when aborted. */
  readonly signal?: AbortSignal;
}

/** The prompt string. */
export const PROMPT = 'You> ';

/** Runs the prompt until the user leaves; resolves then. */
export async function runPrompt(ctx: PromptContext, io: PromptIo): Promise<void> {
  const aborted = (): boolean => io.signal?.aborted === true;
  if (aborted()) return;
  const terminal = io.terminal ?? (io.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input: io.input, output: io.output, terminal, prompt: PROMPT });
  const write = (lines: readonly string[]): void => {
    for (const line of lines) io.output.write(`${line}\n`);
  };
  const close = (): void => {
    rl.close();
  };
  rl.on('SIGINT', close);
  io.signal?.addEventListener('abort', close, { once: true });
  try {
    if (terminal) rl.prompt();
    for await (const line of rl) {
      if (!terminal) io.output.write(`${PROMPT}${line}\n`);
      const result = await runLine(ctx, line);
      write(result.lines);
      if (result.quit === true) break;
      if (aborted()) break;
      io.output.write('\n');
      if (terminal) rl.prompt();
    }
  } finally {
    io.signal?.removeEventListener('abort', close);
    rl.close();
  }
}
