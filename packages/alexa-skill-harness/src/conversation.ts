/**
 * Conversations in words: `launch()`, `say("greet Ada")`, `end()`.
 * Each turn is resolved through the given interaction model, built as a typed request envelope
 * (at the real clock, or the one the test fixes), and sent over a transport. The session carries its attributes from
 * reply to reply, `new` only on its first turn; a reply that ends the session (or `end()`) closes
 * it, and the next turn opens a new one. After `Dialog.ElicitSlot` the answer is heard as Alexa
 * hears it (the slot's own samples too, the intent's known slots kept, `IN_PROGRESS`); after
 * `Connections.StartConnection` the session waits for {@link Conversation.resume}.
 */
import type {
  DialogState,
  RequestEnvelope,
  ResponseEnvelope,
  SupportedInterfaces,
  dialog,
} from 'ask-sdk-model';
import { HarnessError, HarnessOptionError, requireInstant, requireString } from './errors.js';
import {
  DEFAULT_SKILL_ID,
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  sessionResumedRequest,
  type PermissionsOptions,
  type RequestOptions,
} from './requests.js';
import type { Transport } from './transports/index.js';
import {
  elicitedSlotOf,
  localDate,
  resolveUtterance,
  type LanguageModel,
  type SlotInput,
  type UtteranceMeaning,
} from './utterances/index.js';

/** Where each turn's access token comes from: a fixed token, none, or a function per turn. */
export type AccessTokenSource =
  string | undefined | (() => string | undefined | Promise<string | undefined>);

/** Options of {@link conversation}: what real envelopes carry, and how to reach the skill. */
export interface ConversationOptions {
  /** How requests reach the skill: {@link inProcess}, {@link overHttp}, ... */
  readonly transport: Transport;
  /** The interaction model utterances are resolved with ({@link loadModel}). */
  readonly model: LanguageModel;
  /** The account-linking token of each turn (set in both places Alexa puts it); none: unlinked. */
  readonly accessToken?: AccessTokenSource;
  /** The request locale. Default `en-US`. */
  readonly locale?: string;
  /**
   * A fixed clock for every request's `timestamp` (ms since the epoch). Default the real clock.
   * A skill in another process verifies tokens at its own (real) time: fix the clock in-process only.
   */
  readonly now?: number;
  /** The user's date (`YYYY-MM-DD`) for AMAZON.DATE. Default: the date at `now` in `timeZone`. */
  readonly today?: string;
  /** The user's IANA time zone, for the default `today`. Default `UTC`. */
  readonly timeZone?: string;
  /** `context.System.apiEndpoint` (e.g. a {@link mockAlexaApi}'s `apiEndpoint`). Default Alexa's North American endpoint. */
  readonly apiEndpoint?: string;
  /** `context.System.apiAccessToken`. Default a harness value the Alexa API mocks accept. */
  readonly apiAccessToken?: string;
  /** `context.System.user.userId`. */
  readonly userId?: string;
  /** `context.System.device.deviceId`. */
  readonly deviceId?: string;
  /** The device's supported interfaces, e.g. `{ 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.3' } } }`. */
  readonly supportedInterfaces?: SupportedInterfaces;
  /**
   * Permissions the user granted: scope names (all `GRANTED`), or scopes with their status and
   * a consent token. None by default.
   */
  readonly permissions?: readonly string[] | PermissionsOptions;
  /** The skill id requests are addressed to. Default a placeholder id. */
  readonly skillId?: string;
}

/** One exchange. */
export interface Turn {
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
}

/** A turn that cannot happen: `end()` with no open session, `say()` while a connection waits. */
export class ConversationStateError extends HarnessError {
  override readonly name = 'ConversationStateError';
  readonly code = 'ERR_CONVERSATION_STATE';
}

let sessions = 0;

/** A conversation with the skill; see {@link conversation}. */
export class Conversation {
  readonly turns: Turn[] = [];
  private sessionId: string | undefined;
  private attributes: Record<string, unknown> = {};
  private accessToken: AccessTokenSource;
  private pendingDialog: dialog.ElicitSlotDirective | { type: string } | undefined;
  private pendingConnection: { readonly token?: string } | undefined;
  private readonly model: LanguageModel;
  private readonly request: RequestOptions;

  constructor(private readonly options: ConversationOptions) {
    checkOptions(options);
    this.accessToken = options.accessToken;
    this.model = options.model;
    this.request = requestOptionsOf(options);
  }

  /** True while a session is open (the last reply kept it open). */
  get sessionOpen(): boolean {
    return this.sessionId !== undefined;
  }

  /** The session attributes the next turn will carry. */
  get sessionAttributes(): Readonly<Record<string, unknown>> {
    return this.attributes;
  }

  /** The user's date today, at the conversation's clock and time zone (or as given). */
  get today(): string {
    return (
      this.options.today ??
      localDate(this.options.timeZone ?? 'UTC', this.options.now ?? Date.now())
    );
  }

  /** Changes the access token from the next turn on (e.g. after relinking). */
  useAccessToken(token: AccessTokenSource): this {
    this.accessToken = token;
    return this;
  }

  /** "Alexa, open <invocation name>". */
  launch(): Promise<ResponseEnvelope> {
    return this.turn((o) => launchRequest(o));
  }

  /**
   * What the user says, resolved through the model (see `resolveUtterance`). Throws
   * {@link ConversationStateError} while a skill connection waits for {@link resume}: the user is
   * talking to the connected skill (Amazon's consent skill), not to this one.
   */
  say(utterance: string): Promise<ResponseEnvelope> {
    if (this.pendingConnection !== undefined) {
      throw new ConversationStateError(
        'A skill connection is waiting for its answer: resume() it before saying anything else',
      );
    }
    return this.hear(this.meaning(utterance));
  }

  /** An intent with slots given directly, bypassing the model. */
  intent(name: string, slots: Record<string, string | SlotInput | undefined> = {}) {
    return this.turn((o) => intentRequest(name, slots, o));
  }

  /**
   * What `utterance` means here, without sending anything. While the skill asks for a slot
   * (`Dialog.ElicitSlot`), as Alexa does: the slot's own samples are heard too ("Boston", "on
   * Saturday"), the intent keeps what its `updatedIntent` held, and the answer may still be
   * another intent ("stop", "help", a new request) or nothing the model knows (the fallback).
   */
  meaning(utterance: string): UtteranceMeaning {
    const elicited = elicitedSlotOf(this.elicitation());
    return resolveUtterance(this.model, utterance, {
      today: this.today,
      skillId: this.options.skillId ?? DEFAULT_SKILL_ID,
      ...(elicited === undefined ? {} : { elicited }),
    });
  }

  /**
   * The user's answer to a skill connection the skill started (`Connections.StartConnection`,
   * e.g. Amazon's voice consent): a SessionResumedRequest in the same session, carrying the
   * connection's token and `result` (for consent: `{ status: 'ACCEPTED' }`, `'DENIED'` or
   * `'NOT_ANSWERED'`).
   */
  resume(result: Record<string, unknown>, statusCode = '200'): Promise<ResponseEnvelope> {
    const connection = this.pendingConnection;
    if (connection === undefined) {
      throw new ConversationStateError('The skill started no connection to resume from');
    }
    return this.turn((o) =>
      sessionResumedRequest(
        {
          ...(connection.token === undefined ? {} : { token: connection.token }),
          statusCode,
          result,
        },
        o,
      ),
    );
  }

  /** "Alexa, exit" (or a timeout): a SessionEndedRequest in the open session. */
  end(reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR' = 'USER_INITIATED') {
    if (!this.sessionOpen) throw new ConversationStateError('No session is open to end');
    return this.turn((o) => sessionEndedRequest({ ...o, reason }), true);
  }

  /** Sends a meaning (a launch, or an intent with slots). */
  hear(meaning: UtteranceMeaning): Promise<ResponseEnvelope> {
    return meaning.kind === 'launch'
      ? this.launch()
      : this.turn((o) => intentRequest(meaning.name, meaning.slots, o));
  }

  private dialogState(): DialogState {
    return this.pendingDialog === undefined ? 'COMPLETED' : 'IN_PROGRESS';
  }

  private async turn(
    build: (options: RequestOptions) => RequestEnvelope,
    ending = false,
  ): Promise<ResponseEnvelope> {
    const token =
      typeof this.accessToken === 'function' ? await this.accessToken() : this.accessToken;
    const isNew = this.sessionId === undefined;
    if (isNew) {
      sessions += 1;
      this.sessionId = `amzn1.echo-api.session.harness-${sessions}`;
      this.attributes = {};
    }
    const request = build({
      ...this.request,
      ...(token === undefined ? {} : { accessToken: token }),
      sessionId: this.sessionId,
      newSession: isNew,
      sessionAttributes: this.attributes,
      dialogState: this.dialogState(),
    });
    if (request.request.type === 'IntentRequest') {
      request.request.dialogState = this.dialogStateFor(request.request.intent.name);
    }
    const response = await this.options.transport(request);
    if (typeof (response as Partial<ResponseEnvelope> | undefined)?.response !== 'object') {
      throw new ConversationStateError(
        `The skill answered ${request.request.type} with something that is not a response envelope`,
      );
    }
    this.turns.push({ request, response });
    const directives = response.response.directives ?? [];
    this.pendingDialog = directives.find((d) => d.type.startsWith('Dialog.'));
    const connection = directives.find((d) => d.type === 'Connections.StartConnection') as
      { readonly token?: string } | undefined;
    this.pendingConnection = connection === undefined ? undefined : { ...connection };
    // A skill connection suspends the session; Alexa resumes it with the connection's outcome.
    if (ending || (response.response.shouldEndSession !== false && connection === undefined)) {
      this.sessionId = undefined;
      this.attributes = {};
      this.pendingDialog = undefined;
      this.pendingConnection = undefined;
    } else {
      this.attributes = { ...(response.sessionAttributes ?? {}) };
    }
    return response;
  }

  /**
   * The pending `Dialog.ElicitSlot`, if the last reply asked for a slot. Without an
   * `updatedIntent`, Alexa keeps the intent of the request the skill answered: so does this.
   */
  private elicitation(): dialog.ElicitSlotDirective | undefined {
    const pending = this.pendingDialog;
    if (pending?.type !== 'Dialog.ElicitSlot') return undefined;
    const directive = pending as dialog.ElicitSlotDirective;
    const last = this.turns.at(-1)?.request.request;
    if (directive.updatedIntent !== undefined || last?.type !== 'IntentRequest') return directive;
    return { ...directive, updatedIntent: last.intent };
  }

  /**
   * The dialog state Alexa sends for `intent`: IN_PROGRESS for the answer to the skill's own
   * question about that intent, STARTED for the first turn of an intent the dialog model covers,
   * else COMPLETED.
   */
  private dialogStateFor(intent: string): DialogState {
    const asked = this.elicitation()?.updatedIntent?.name;
    if (this.pendingDialog !== undefined && (asked === undefined || asked === intent)) {
      return 'IN_PROGRESS';
    }
    return (this.model.dialogIntents ?? []).includes(intent) ? 'STARTED' : 'COMPLETED';
  }
}

function checkOptions(options: ConversationOptions): void {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new HarnessOptionError('conversation(options): options must be an object');
  }
  if (typeof options.transport !== 'function') {
    throw new HarnessOptionError(
      'conversation({ transport }): transport is required (inProcess(handler) or overHttp(url))',
    );
  }
  if (!Array.isArray((options.model as Partial<LanguageModel> | undefined)?.intents)) {
    throw new HarnessOptionError(
      'conversation({ model }): model is required, an interaction model from loadModel(path)',
    );
  }
  for (const key of [
    'locale',
    'today',
    'timeZone',
    'apiEndpoint',
    'apiAccessToken',
    'userId',
    'deviceId',
    'skillId',
  ] as const) {
    if (options[key] !== undefined) requireString(options[key], key);
  }
  if (options.now !== undefined) requireInstant(options.now, 'now');
  if (options.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone });
    } catch (cause) {
      throw new HarnessOptionError(`timeZone: "${options.timeZone}" is not an IANA time zone`, {
        cause,
      });
    }
  }
}

function requestOptionsOf(options: ConversationOptions): RequestOptions {
  const permissions: PermissionsOptions | undefined = Array.isArray(options.permissions)
    ? { scopes: Object.fromEntries(options.permissions.map((scope: string) => [scope, 'GRANTED'])) }
    : (options.permissions as PermissionsOptions | undefined);
  const given = {
    locale: options.locale ?? 'en-US',
    now: options.now,
    apiEndpoint: options.apiEndpoint,
    apiAccessToken: options.apiAccessToken,
    userId: options.userId,
    deviceId: options.deviceId,
    supportedInterfaces: options.supportedInterfaces,
    permissions,
    skillId: options.skillId,
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
}

/**
 * Starts a conversation with the skill behind `options.transport`:
 *
 * ```js
 * const alexa = conversation({ transport: inProcess(handler), model, accessToken: issuer.mint() });
 * expect(await alexa.say('greet Ada')).to.have.speech('Hello, Ada!');
 * ```
 */
export function conversation(options: ConversationOptions): Conversation {
  return new Conversation(options);
}
