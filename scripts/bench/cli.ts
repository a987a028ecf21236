/**
 * The benchmarks' shared command line and verdict: every `bench:*` takes `--help` and
 * `--report-only`, refuses unknown flags (exit 2, one line), and exits 1 when a target is missed
 * unless `--report-only` is given.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** A benchmark command line that cannot be run; `message` is one line. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** A parsed benchmark command line. */
export interface BenchArgs {
  readonly help: boolean;
  /** Print the figures and verdicts, but exit 0 whatever they are. */
  readonly reportOnly: boolean;
  /** The benchmark's own options, as `parseArgs` gives them. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

const COMMON: OptionSpecs = {
  help: { type: 'boolean', short: 'h' },
  'report-only': { type: 'boolean' },
};

/** The lines every benchmark's usage ends with. */
export const COMMON_USAGE = `  --report-only   print the figures and verdicts; exit 0 even when a target is missed
  -h, --help      this help

Exits 0 when every target is met, 1 when one is missed, 2 on a bad command line.`;

/** Parses `argv` strictly: no positional arguments, no unknown flags. */
export function parseBenchArgs(argv: readonly string[], options: OptionSpecs = {}): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, ...COMMON },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const { help, 'report-only': reportOnly, ...values } = parsed.values;
  return {
    help: help === true,
    reportOnly: reportOnly === true,
    values: values as Record<string, string | boolean | undefined>,
  };
}

/** Reads a whole-number option; `fallback` when absent. */
export function wholeNumber(args: BenchArgs, name: string, fallback: number, min = 0): number {
  const raw = args.values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || Number(raw) < min) {
    throw new BenchUsageError(
      `--${name} takes a whole number of at least ${min} (got "${String(raw)}")`,
    );
  }
  return Number(raw);
}

/**
 * The command line of the running benchmark: prints the usage and exits 0 for `--help`, prints
 * one line and exits 2 for a bad command line (including one `read` refuses with
 * {@link BenchUsageError}), else returns what `read` makes of the parsed arguments.
 */
export function benchCommandLine<T = BenchArgs>(
  name: string,
  usage: string,
  options: OptionSpecs = {},
  read: (args: BenchArgs) => T = (args) => args as T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  try {
    const args = parseBenchArgs(argv, options);
    if (args.help) {
      process.stdout.write(`${usage.trimEnd()}\n${COMMON_USAGE}\n`);
      process.exit(0);
    }
    return read(args);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${name}: ${error.message} (--help for usage)\n`);
    process.exit(2);
  }
}

/** Targets judged in one run; `finish` decides the exit code. */
export interface Targets {
  /** Records a target's verdict and returns the word to print: `met` or `NOT met`. */
  judge(label: string, met: boolean): 'met' | 'NOT met';
  /** The labels of the missed targets so far. */
  missed(): readonly string[];
  /** The exit code: 1 when a target was missed, unless only reporting; 0 otherwise. */
  exitCode(): 0 | 1;
  /** The closing line: which targets were missed and what the exit code means. */
  summary(): string;
}

/** Collects the verdicts of one benchmark run. */
export function createTargets(name: string, args: Pick<BenchArgs, 'reportOnly'>): Targets {
  const missed: string[] = [];
  let judged = 0;
  return {
    judge(label, met) {
      judged += 1;
      if (!met) missed.push(label);
      return met ? 'met' : 'NOT met';
    },
    missed: () => [...missed],
    exitCode: () => (missed.length > 0 && !args.reportOnly ? 1 : 0),
    summary() {
      if (missed.length === 0) return `${name}: ${judged} of ${judged} targets met`;
      const list = `${name}: ${missed.length} of ${judged} targets missed: ${missed.join('; ')}`;
      return args.reportOnly ? `${list} (--report-only: exit 0)` : list;
    },
  };
}

/** Prints the summary and sets the process's exit code from the verdicts. */
export function finishBench(targets: Targets): void {
  process.stdout.write(`${targets.summary()}\n`);
  process.exitCode = targets.exitCode();
}
