/**
 * Conversations in words: `launch()`, `say("what should I wear in Boston tomorrow")`, `end()`.
 * Each turn is resolved through the locale's interaction model, built as a typed request
 * envelope at the fixed clock, and sent over a transport. The session carries its attributes from
 * reply to reply, `new` only on its first turn; a reply that ends the session (or `end()`) closes
 * it, and the next turn opens a new one. After `Dialog.ElicitSlot` the answer is heard as Alexa
 * hears it (the slot's own samples too, the intent's known slots kept, `IN_PROGRESS`); after
 * `Connections.StartConnection` the session waits for {@link Conversation.resume}.
 */
import type { DialogState, RequestEnvelope, ResponseEnvelope, dialog } from 'ask-sdk-model';
import { loadModel, type LanguageModel } from './model.js';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  sessionResumedRequest,
  TEST_SKILL_ID,
  type RequestOptions,
  type SlotInput,
} from './requests.js';
import { TEST_NOW } from './tokens.js';
import type { Transport } from './transports.js';
import { elicitedSlotOf, resolveUtterance, type UtteranceMeaning } from './utterances.js';
import { localDate } from './spoken-dates.js';

/** Where each turn's access token comes from: a fixed token, none, or a function per turn. */
export type AccessTokenSource =
  string | undefined | (() => string | undefined | Promise<string | undefined>);

/** Options of {@link conversation}. */
export interface ConversationOptions {
  /** How requests reach the skill. */
  readonly transport: Transport;
  /** Default `en-US`; also picks `models/<locale>.json`. */
  readonly locale?: string;
  /** The fixed clock of every request, ms. Default {@link TEST_NOW}. */
  readonly now?: number;
  /** The user's time zone, for `today`/`tomorrow`. Default `America/Chicago` (what {@link mockAlexaApi} serves). */
  readonly timeZone?: string;
  /** The account-linking token of each turn (set in both places Alexa puts it). */
  readonly accessToken?: AccessTokenSource;
  /** The model to resolve utterances with. Default {@link loadModel}(locale). */
  readonly model?: LanguageModel;
  /** Anything else every request carries: device with APL, permissions, skill id, no Alexa API. */
  readonly request?: Omit<
    RequestOptions,
    | 'accessToken'
    | 'locale'
    | 'now'
    | 'sessionAttributes'
    | 'sessionId'
    | 'newSession'
    | 'dialogState'
  >;
}

/** One exchange. */
export interface Turn {
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
}

/** A turn that cannot happen: `end()` with no open session. */
export class ConversationStateError extends Error {
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

  constructor(private readonly options: ConversationOptions) {
    this.accessToken = options.accessToken;
    this.model = options.model ?? loadModel(options.locale ?? 'en-US');
  }

  /** True while a session is open (the last reply kept it open). */
  get sessionOpen(): boolean {
    return this.sessionId !== undefined;
  }

  /** The session attributes the next turn will carry. */
  get sessionAttributes(): Readonly<Record<string, unknown>> {
    return this.attributes;
  }

  /** The user's date today, at the conversation's clock and time zone. */
  get today(): string {
    return localDate(this.options.timeZone ?? 'America/Chicago', this.options.now ?? TEST_NOW);
  }

  /** Changes the access token from the next turn on (e.g. after relinking). */
  useAccessToken(token: AccessTokenSource): this {
    this.accessToken = token;
    return this;
  }

  /** "Alexa, open weather wardrobe". */
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
      skillId: this.options.request?.skillId ?? TEST_SKILL_ID,
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
      ...this.options.request,
      ...(token === undefined ? {} : { accessToken: token }),
      locale: this.options.locale ?? 'en-US',
      now: this.options.now ?? TEST_NOW,
      sessionId: this.sessionId,
      newSession: isNew,
      sessionAttributes: this.attributes,
      dialogState: this.dialogState(),
    });
    if (request.request.type === 'IntentRequest') {
      request.request.dialogState = this.dialogStateFor(request.request.intent.name);
    }
    const response = await this.options.transport(request);
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

  /** The pending `Dialog.ElicitSlot`, if the last reply asked for a slot. */
  private elicitation(): dialog.ElicitSlotDirective | undefined {
    const pending = this.pendingDialog;
    return pending?.type === 'Dialog.ElicitSlot'
      ? (pending as dialog.ElicitSlotDirective)
      : undefined;
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

/**
 * Starts a conversation with the skill behind `options.transport`:
 *
 * ```ts
 * const alexa = conversation({ transport: inProcess(skill), accessToken: issuer.mint() });
 * expect(await alexa.say('what should I wear in Boston tomorrow')).to.have.speech(/Boston/);
 * ```
 */
export function conversation(options: ConversationOptions): Conversation {
  return new Conversation(options);
}
