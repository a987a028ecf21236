/**
 * Answers prepared while the request's token is still being verified.
 *
 * jose verifies on libuv's thread pool, and the main thread would otherwise sleep through it and
 * then run the whole answer cold. A handler that needs the account instead prepares its answer
 * into a {@link Draft} at once, from the caches only, and the draft is used only once the token
 * has passed:
 * - the draft has a response builder of its own, records its session changes and holds its log
 *   lines (they are written when the token passed, so their time is then), so a refused token's
 *   draft, or one whose check failed, is dropped whole: nothing of it reaches the response, the
 *   session or the log;
 * - every call that would leave the process (a cache miss) first awaits {@link Draft.verified},
 *   which rejects when the token did not pass, so an unverified request never calls out.
 */
import { ResponseFactory, type HandlerInput, type ResponseBuilder } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { LogFields, Logger, LogLevel } from '../../common/logger.js';
import { refusal, tokenCheck } from './account-linking.js';
import { requestState, type AuthState } from './state.js';

/** What a handler prepares its answer into. */
export interface Draft {
  /** A builder of the draft's own: nothing drafted reaches the request's builder. */
  readonly responseBuilder: ResponseBuilder;
  /** The session attributes as the request carried them; change them with {@link setSession}. */
  readonly session: Readonly<Record<string, unknown>>;
  /** Sets a session attribute (removes it, for `undefined`) once the token passed. */
  setSession(name: string, value: unknown): void;
  /** Holds its lines until the token passed; they are dropped when it did not. */
  readonly logger: Logger;
  /** The outcome word for the request's log line. */
  outcome: string;
  /** Resolves once the token passed, rejects with {@link TokenNotVerifiedError} when it did not. */
  readonly verified: () => Promise<void>;
}

/** What {@link Draft.verified} rejects with: the draft is about to be dropped. */
export class TokenNotVerifiedError extends Error {
  override readonly name = 'TokenNotVerifiedError';
  readonly code = 'ERR_TOKEN_NOT_VERIFIED';
}

/**
 * The answer `prepare` drafts, once the request's token has passed; the refusal for the token's
 * failure when it did not. The auth interceptor must have started the check. A check that fails
 * otherwise than with a verifier error rejects, for the error handler, with the draft dropped.
 */
export async function answerWhenVerified(
  input: HandlerInput,
  prepare: (draft: Draft) => Promise<Response>,
): Promise<Response> {
  const state = requestState(input);
  const check = tokenCheck(input);
  const draft = new AnswerDraft(
    check,
    input.attributesManager.getSessionAttributes(),
    state.outcome,
  );
  const prepared = prepare(draft);
  prepared.catch(ignore);

  const auth = await check;
  if (!auth.ok) return refusal(input, auth.error);
  try {
    const response = await prepared;
    draft.commitSession(input);
    state.outcome = draft.outcome;
    return response;
  } finally {
    draft.logger.replay(state.logger);
  }
}

class AnswerDraft implements Draft {
  readonly responseBuilder = ResponseFactory.init();
  readonly logger = new HoldingLogger(undefined);
  private changes: Map<string, unknown> | undefined;
  // Made on the first call only: a request answered from the caches never needs it.
  private gate: Promise<void> | undefined;

  constructor(
    private readonly check: Promise<AuthState>,
    readonly session: Readonly<Record<string, unknown>>,
    public outcome: string,
  ) {}

  setSession(name: string, value: unknown): void {
    (this.changes ??= new Map()).set(name, value);
  }

  readonly verified = (): Promise<void> =>
    (this.gate ??= this.check.then((auth) => {
      if (!auth.ok) throw new TokenNotVerifiedError('The access token did not pass');
    }));

  /** Applies the session changes to the request's attributes. */
  commitSession(input: HandlerInput): void {
    if (this.changes === undefined) return;
    const session = input.attributesManager.getSessionAttributes();
    for (const [name, value] of this.changes) {
      if (value === undefined) Reflect.deleteProperty(session, name);
      else session[name] = value;
    }
    input.attributesManager.setSessionAttributes(session);
  }
}

type HeldLine = readonly [LogLevel, LogFields | undefined, string, LogFields | undefined];

/** A logger that holds its lines (its children's too) until `replay`. */
class HoldingLogger implements Logger {
  constructor(
    private readonly bound: LogFields | undefined,
    private readonly lines: HeldLine[] = [],
  ) {}

  debug(message: string, fields?: LogFields): void {
    this.lines.push(['debug', this.bound, message, fields]);
  }

  info(message: string, fields?: LogFields): void {
    this.lines.push(['info', this.bound, message, fields]);
  }

  warn(message: string, fields?: LogFields): void {
    this.lines.push(['warn', this.bound, message, fields]);
  }

  error(message: string, fields?: LogFields): void {
    this.lines.push(['error', this.bound, message, fields]);
  }

  child(fields: LogFields): Logger {
    return new HoldingLogger(
      this.bound === undefined ? fields : { ...this.bound, ...fields },
      this.lines,
    );
  }

  /** Writes the held lines to `target`, in order. */
  replay(target: Logger): void {
    for (const [level, bound, message, fields] of this.lines) {
      (bound === undefined ? target : target.child(bound))[level](message, fields);
    }
  }
}

function ignore(): void {}
