/**
 * The in-process transport: the skill called directly, whatever its shape: an async Lambda
 * handler, a callback-style one (ask-sdk's `.lambda()`), a `skill.invoke`-like function, or an
 * ask-sdk `Skill` (anything with `invoke(envelope, context)`).
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { HarnessOptionError } from '../errors.js';
import type { Transport } from './transport.js';
import { TransportError } from './transport.js';

/** A Lambda handler's callback. */
export type LambdaCallback = (error?: unknown, result?: unknown) => void;

/** What {@link inProcess} can call. */
export type InProcessTarget =
  | { invoke(envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> }
  | ((envelope: RequestEnvelope, context: unknown, callback: LambdaCallback) => unknown);

/** A Lambda context with the members handlers read. */
export function lambdaContext(): Record<string, unknown> {
  const deadline = Date.now() + 8000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'skill-under-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:skill-under-test',
    memoryLimitInMB: '512',
    awsRequestId: `harness-${String(Math.random()).slice(2, 10)}`,
    logGroupName: '/aws/lambda/skill-under-test',
    logStreamName: 'harness',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Warns that Lambda's newer runtimes refuse callback-style handlers (once per transport). */
function warnCallbackStyle(): void {
  process.emitWarning(
    'The skill under test is a callback-style Lambda handler (three parameters). The nodejs24.x ' +
      'runtime no longer runs those: export `async (event, context) => skill.invoke(event, context)`.',
    { code: 'ALEXA_HARNESS_CALLBACK_HANDLER' },
  );
}

function callWithCallback(
  handler: (envelope: RequestEnvelope, context: unknown, callback: LambdaCallback) => unknown,
  envelope: RequestEnvelope,
  context: unknown,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const returned = handler(envelope, context, (error, result) => {
      if (error !== undefined && error !== null) {
        reject(
          error instanceof Error
            ? error
            : new TransportError(`The handler failed with a non-error: ${JSON.stringify(error)}`),
        );
      } else resolve(result);
    });
    // A handler may take the callback and still answer with a promise.
    if (returned instanceof Promise) returned.then(resolve, reject);
  });
}

/**
 * A transport that calls `target` in this process with a JSON copy of each envelope (the
 * skill never holds the test's objects) and `context` (default a Lambda-like context). A
 * callback-style handler is called with a callback, with a warning (see {@link warnCallbackStyle}).
 */
export function inProcess(target: InProcessTarget, context?: unknown): Transport {
  // As Alexa sends it: JSON (undefined members dropped), and never the test's own objects.
  const copy = (e: RequestEnvelope) => JSON.parse(JSON.stringify(e)) as RequestEnvelope;
  let call: (envelope: RequestEnvelope, context: unknown) => Promise<unknown>;
  if (typeof target === 'function') {
    if (target.length >= 3) {
      warnCallbackStyle();
      call = (envelope, ctx) => callWithCallback(target, envelope, ctx);
    } else {
      call = (envelope, ctx) =>
        // A two-parameter handler never calls the callback: this one throws if it does.
        Promise.resolve(
          target(envelope, ctx, () => {
            throw new TransportError(
              'The handler takes two parameters but called a callback: declare (event, context, callback)',
            );
          }),
        );
    }
  } else if (typeof (target as { invoke?: unknown } | null)?.invoke === 'function') {
    call = (envelope, ctx) => target.invoke(envelope, ctx);
  } else {
    throw new HarnessOptionError(
      'inProcess(target): target must be a Lambda handler, an invoke function or an ask-sdk Skill',
    );
  }
  return async (envelope) => {
    const response = await call(copy(envelope), context ?? lambdaContext());
    if (typeof (response as { response?: unknown } | null | undefined)?.response !== 'object') {
      throw new TransportError(
        `The skill answered ${envelope.request.type} with ${response === undefined ? 'nothing' : 'something that is not a response envelope'}` +
          (response === undefined && typeof target === 'function'
            ? ' (an async handler must return the envelope; a callback-style one must declare its callback parameter)'
            : ''),
      );
    }
    return response as ResponseEnvelope;
  };
}
