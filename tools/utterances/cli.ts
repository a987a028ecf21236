/**
 * `npm run utter`: what the model hears. Each utterance (arguments, else one per line on standard
 * input) resolved through `models/<locale>.json` as Alexa would: the intent and the slot values
 * the skill would receive, AMAZON.DATE as Alexa's ISO value. A function of its arguments and
 * streams, so tests run it in-process; `scripts/utter.ts` only adds `process`.
 */
import { parseArgs } from 'node:util';
import {
  isRealDate,
  localDate,
  ModelError,
  resolutionOf,
  resolveUtterance,
  type UtteranceMeaning,
} from 'alexa-skill-harness';
import { loadLocaleModel, modelLocales } from './load-model.js';

/** Where the command reads and writes; all injected. */
export interface UtterCliIo {
  readonly argv: readonly string[];
  /** Standard input's lines, read only when no utterance is given as an argument. */
  readonly stdinLines: () => AsyncIterable<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The clock, for the default `--today`. Default `Date.now`. */
  readonly now?: () => number;
}

export const UTTER_USAGE = `Usage: npm run -s utter -- [--locale L] [--today YYYY-MM-DD] [--json] ["utterance" ...]

Prints what the interaction model hears for each utterance: the intent and the slot values the
skill would receive (AMAZON.DATE as Alexa's ISO value; a custom slot's entity-resolution id in
brackets). Utterances come from the arguments, else one per line on standard input.

Options:
  --locale <L>         the model: ${modelLocales().join(', ')} (default en-US)
  --today <date>       the day "today" and "Saturday" count from (default: today on this machine)
  --json               one JSON object per line: {"utterance", "intent", "slots": {"<slot>": "<value>"}}
  -h, --help           show this help
`;

/** A mistake on the command line. */
export class UtterUsageError extends Error {
  override readonly name = 'UtterUsageError';
  readonly code = 'ERR_UTTER_USAGE';
}

interface UtterOptions {
  readonly locale: string;
  readonly today: string;
  readonly json: boolean;
  readonly utterances: readonly string[];
  readonly help: boolean;
}

function parse(argv: readonly string[], now: () => number): UtterOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        locale: { type: 'string' },
        today: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UtterUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const locale = values.locale ?? 'en-US';
  if (!modelLocales().includes(locale)) {
    throw new UtterUsageError(`--locale: no model for "${locale}" (${modelLocales().join(', ')})`);
  }
  const today = values.today ?? localDate(Intl.DateTimeFormat().resolvedOptions().timeZone, now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isRealDate(today)) {
    throw new UtterUsageError(`--today: "${today}" is not a date written YYYY-MM-DD`);
  }
  return {
    locale,
    today,
    json: values.json ?? false,
    utterances: positionals,
    help: values.help ?? false,
  };
}

/** The slot values heard, filled slots only, in the intent's order. */
function slotValues(meaning: UtteranceMeaning): Record<string, string> {
  if (meaning.kind !== 'intent') return {};
  return Object.fromEntries(
    Object.entries(meaning.slots).flatMap(([name, slot]) =>
      slot.value === undefined ? [] : [[name, slot.value]],
    ),
  );
}

/**
 * The intent and filled slots as words: `WhatShouldIWearIntent city=Paris item="an umbrella"
 * [UMBRELLA]` (a custom slot's entity-resolution id in brackets, `[no match]` when none).
 */
export function meaningWords(meaning: UtteranceMeaning): string {
  const intent = meaning.kind === 'launch' ? 'LaunchRequest' : meaning.name;
  const words = Object.entries(slotValues(meaning)).map(([name, value]) => {
    const slot = meaning.kind === 'intent' ? meaning.slots[name] : undefined;
    const resolution = resolutionOf(slot);
    const id =
      resolution === undefined
        ? ''
        : resolution.status.code === 'ER_SUCCESS_MATCH'
          ? ` [${resolution.values[0]?.value.id ?? ''}]`
          : ' [no match]';
    return `${name}=${value.includes(' ') ? JSON.stringify(value) : value}${id}`;
  });
  return [intent, ...words].join(' ');
}

/** One line for `utterance`: plain, or JSON. */
export function utterLine(utterance: string, meaning: UtteranceMeaning, json: boolean): string {
  if (!json) return `${utterance} -> ${meaningWords(meaning)}`;
  const intent = meaning.kind === 'launch' ? 'LaunchRequest' : meaning.name;
  return JSON.stringify({ utterance, intent, slots: slotValues(meaning) });
}

/** Runs the command; resolves with the exit code. */
export async function runUtterCli(io: UtterCliIo): Promise<number> {
  let options: UtterOptions;
  try {
    options = parse(io.argv, io.now ?? Date.now);
  } catch (error) {
    if (!(error instanceof UtterUsageError)) throw error;
    io.stderr(`utter: ${error.message} (see --help)\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(UTTER_USAGE);
    return 0;
  }
  let model;
  try {
    model = loadLocaleModel(options.locale);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    io.stderr(`utter: ${error.message}\n`);
    return 1;
  }
  const hear = (utterance: string) => {
    const meaning = resolveUtterance(model, utterance, {
      today: options.today,
      onAmbiguity: 'first',
    });
    io.stdout(`${utterLine(utterance, meaning, options.json)}\n`);
  };
  if (options.utterances.length > 0) {
    for (const utterance of options.utterances) hear(utterance);
    return 0;
  }
  for await (const line of io.stdinLines()) {
    const utterance = line.trim();
    if (utterance !== '') hear(utterance);
  }
  return 0;
}
