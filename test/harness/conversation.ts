/**
 * Conversations in words: `launch()`, `say("what should I wear in Boston tomorrow")`, `end()`.
 * Each turn is resolved through the locale's interaction model, built as a typed request
 * envelope at the fixed clock, and sent over a transport. The session carries its attributes from
 * reply to reply, `new` only on its first turn; a reply that ends the session (or `end()`) closes
 * it, and the next turn opens a new one. After a `Dialog.*` directive the next intent request is
 * `IN_PROGRESS`, and after `Dialog.ElicitSlot` the user's words fill the elicited slot.
 */
import type { DialogState, RequestEnvelope, ResponseEnvelope, dialog } from 'ask-sdk-model';
import { loadModel, type LanguageModel } from './model.js';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  TEST_SKILL_ID,
  type RequestOptions,
  type SlotInput,
} from './requests.js';
import { TEST_NOW } from './tokens.js';
import type { Transport } from './transports.js';
import { resolveUtterance, words, type UtteranceMeaning } from './utterances.js';
import { localDate, spokenDate } from './spoken-dates.js';

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

  /** What the user says, resolved through the model (see `resolveUtterance`). */
  say(utterance: string): Promise<ResponseEnvelope> {
    return this.hear(this.meaning(utterance));
  }

  /** An intent with slots given directly, bypassing the model. */
  intent(name: string, slots: Record<string, string | SlotInput | undefined> = {}) {
    return this.turn((o) => intentRequest(name, slots, o));
  }

  /** What `utterance` means here, without sending anything. */
  meaning(utterance: string): UtteranceMeaning {
    const meaning = resolveUtterance(this.model, utterance, {
      today: this.today,
      skillId: this.options.request?.skillId ?? TEST_SKILL_ID,
    });
    const elicit = this.pendingDialog;
    if (elicit?.type !== 'Dialog.ElicitSlot' || !('slotToElicit' in elicit)) return meaning;
    const intent = elicit.updatedIntent;
    if (intent === undefined) return meaning;
    // The elicited slot takes the answer: either what the model heard for that slot, or the words.
    const heard =
      meaning.kind === 'intent' && meaning.name === intent.name
        ? meaning.slots[elicit.slotToElicit]?.value
        : undefined;
    const slotType = this.model.intents
      .find((i) => i.name === intent.name)
      ?.slots?.find((s) => s.name === elicit.slotToElicit)?.type;
    const said = words(utterance).map((w) => w.lower);
    const value =
      heard ??
      (slotType === 'AMAZON.DATE'
        ? spokenDate(said, this.today)
        : words(utterance)
            .map((w) => w.spoken)
            .join(' '));
    const slots: Record<string, SlotInput> = {};
    for (const [name, slot] of Object.entries(intent.slots ?? {})) {
      slots[name] = slot.value === undefined ? {} : { value: slot.value };
    }
    if (meaning.kind === 'intent' && meaning.name === intent.name) {
      for (const [name, slot] of Object.entries(meaning.slots)) {
        if (slot.value !== undefined) slots[name] = slot;
      }
    }
    slots[elicit.slotToElicit] = value === undefined ? {} : { value };
    return { kind: 'intent', name: intent.name, slots };
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
    if (this.pendingDialog !== undefined) return 'IN_PROGRESS';
    return 'COMPLETED';
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
    if (request.request.type === 'IntentRequest' && this.startsDialog(request)) {
      request.request.dialogState = 'STARTED';
    }
    const response = await this.options.transport(request);
    this.turns.push({ request, response });
    this.pendingDialog = response.response.directives?.find((d) => d.type.startsWith('Dialog.'));
    if (ending || response.response.shouldEndSession !== false) {
      this.sessionId = undefined;
      this.attributes = {};
      this.pendingDialog = undefined;
    } else {
      this.attributes = { ...(response.sessionAttributes ?? {}) };
    }
    return response;
  }

  private startsDialog(request: RequestEnvelope): boolean {
    return (
      request.request.type === 'IntentRequest' &&
      this.pendingDialog === undefined &&
      (this.model.dialogIntents ?? []).includes(request.request.intent.name)
    );
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
