/**
 * `npm start` as a function: parse the command line, start the stack, link the test account,
 * then answer one utterance or run the prompt; every server is stopped on the way out, whatever
 * happens. Returns the exit code; prints results on stdout and failures as one line on stderr.
 */
import { loadLocaleModel } from '../../tools/utterances/index.js';
import { AccountLinkError, LocalStackError } from './errors.js';
import { createAlexaAccountLink, type AlexaAccountLink } from './alexa-account-link.js';
import { bannerLines, COMMAND_HELP, shortLifetimeWarning } from './banner.js';
import { machineTimeZone, unitForLocale } from './device-settings.js';
import { runPrompt } from './prompt.js';
import { createSimulator } from './simulator.js';
import { startLocalStack, type LocalStack } from './stack.js';
import {
  parseStartArgs,
  START_USAGE,
  StartUsageError,
  type StartOptions,
} from './start-options.js';
import { linkedLines, turnLines } from './transcript.js';
import { createUtteranceResolver } from './utterance-resolver.js';

/** Where `npm start` reads and writes, and what stops it. */
export interface StartIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Aborted on Ctrl-C / SIGTERM: every server stops and the function returns. */
  readonly signal?: AbortSignal;
  /** Called once every server listens, before the account is linked (tests stop a piece here). */
  readonly onStarted?: (stack: LocalStack) => void | Promise<void>;
}

/** The settings Alexa holds for the skill's account linking, pointed at the stack. */
export function linkingSettingsFor(stack: LocalStack) {
  const client = stack.alexaClient;
  const authorizationUrl = new URL(stack.issuer.authorizeUrl);
  authorizationUrl.searchParams.set('audience', client.audience);
  return {
    authorizationUrl: authorizationUrl.href,
    accessTokenUrl: stack.proxy.url,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri: client.redirectUri,
    scopes: client.scopes,
  };
}

/** Creates Alexa's account link for the stack's test user (not linked yet). */
export function alexaAccountFor(stack: LocalStack): AlexaAccountLink {
  return createAlexaAccountLink({
    settings: linkingSettingsFor(stack),
    now: () => stack.clock.now(),
  });
}

async function session(
  stack: LocalStack,
  options: StartOptions,
  io: StartIo,
  out: (lines: readonly string[]) => void,
): Promise<number> {
  const timeZone = options.timeZone ?? machineTimeZone();
  const account = alexaAccountFor(stack);
  const model = loadLocaleModel(options.locale);
  const simulator = createSimulator({
    skillUrl: stack.skill.url,
    account,
    resolve: createUtteranceResolver(model),
    locale: options.locale,
    timeZone,
    dialogIntents: model.dialogIntents ?? [],
    onConsentGranted: () => {
      stack.device.grantAddress();
    },
  });
  const oneShot = options.utterance !== undefined;
  if (!oneShot) out(bannerLines(stack, options.locale));
  if (options.link) {
    const tokens = await account.link();
    if (!oneShot) out(linkedLines(tokens, stack.proxyExchanges().at(-1), stack.issuer.userSub));
  } else if (!oneShot) {
    out(['Not linked yet: the skill will ask to link the account (/relink links it).']);
  }
  if (options.utterance !== undefined) {
    const turn = await simulator.say(options.utterance);
    out([
      `[local stack on loopback: test account ${options.link ? 'linked through the token proxy' : 'not linked'}; ${stack.weather === 'demo' ? 'demo weather' : 'live weather'}]`,
      `You> ${options.utterance}`,
      ...turnLines(turn, stack.proxyExchanges().at(-1)),
    ]);
    // Answered: 0; the skill endpoint failed (Alexa would say the skill had a problem): 1.
    return turn.failure === undefined ? 0 : 1;
  }
  out(['', ...COMMAND_HELP, '']);
  await runPrompt(
    { stack, account, simulator },
    {
      input: io.stdin,
      output: io.stdout,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    },
  );
  return 0;
}

/** Runs `npm start` with `argv`; resolves with the exit code once every server has stopped. */
export async function runStart(argv: readonly string[], io: StartIo): Promise<number> {
  const out = (lines: readonly string[]): void => {
    for (const line of lines) io.stdout.write(`${line}\n`);
  };
  const fail = (message: string, code: number): number => {
    io.stderr.write(`npm start: ${message}\n`);
    return code;
  };
  let options: StartOptions;
  try {
    options = parseStartArgs(argv);
  } catch (error) {
    if (error instanceof StartUsageError) return fail(`${error.message} (--help for usage)`, 2);
    throw error;
  }
  if (options.help) {
    io.stdout.write(START_USAGE);
    return 0;
  }
  let stack: LocalStack | undefined;
  try {
    stack = await startLocalStack({
      ports: options.ports,
      weather: options.liveWeather ? 'open-meteo' : 'demo',
      accessTokenTtlSeconds: options.tokenTtlSeconds,
      device: {
        timeZone: options.timeZone ?? machineTimeZone(),
        temperatureUnit: unitForLocale(options.locale),
      },
      locale: options.locale,
      ...(options.verbose
        ? {
            logSink: (_piece: string, line: string) => io.stderr.write(`${line}\n`),
            logLevel: 'debug' as const,
          }
        : {}),
    });
    const interrupted = (): boolean => io.signal?.aborted === true;
    if (interrupted()) return 130;
    const warning = shortLifetimeWarning(stack.accessTokenTtlSeconds);
    if (warning !== undefined) io.stderr.write(`npm start: ${warning}\n`);
    await io.onStarted?.(stack);
    // Whatever the session waits on, an interruption wins at once; stopping the servers below
    // then fails whatever was still in flight.
    const running = session(stack, options, io, out);
    const aborted = new Promise<void>((resolve) => {
      io.signal?.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
    });
    const code = await Promise.race([running, aborted.then(() => 130)]);
    running.catch(() => undefined);
    if (interrupted()) return 130;
    if (code !== 0)
      io.stderr.write('npm start: the turn was not answered: the skill endpoint failed\n');
    return code;
  } catch (error) {
    if (error instanceof LocalStackError) return fail(error.message, 1);
    if (error instanceof AccountLinkError)
      return fail(`linking the test account failed: ${error.message}`, 1);
    return fail(`failed: ${error instanceof Error ? error.message : String(error)}`, 1);
  } finally {
    await stack?.stop();
  }
}
