/** The Alexa APIs on a loopback server, reached through the envelope's `apiEndpoint`. */
import { listenOnLoopback, unreachableUrl } from '../loopback.js';
import { DEFAULT_API_ACCESS_TOKEN } from '../requests.js';
import { alexaApiResponder, type AlexaApiMockOptions } from './answers.js';

/** A running Alexa API mock. */
export interface AlexaApiMock {
  /** Give it to {@link conversation} as `apiEndpoint`. */
  readonly apiEndpoint: string;
  /** The `apiAccessToken` the mock accepts (the conversation's default unless you chose one). */
  readonly apiAccessToken: string;
  /** The paths called so far, in order. */
  readonly calls: readonly string[];
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Starts the Alexa APIs on 127.0.0.1, answering as `options` say (see {@link AlexaApiMockOptions});
 * `unreachable` as a whole gives an `apiEndpoint` where nothing listens.
 */
export async function mockAlexaApi(
  options: AlexaApiMockOptions | 'unreachable' = {},
): Promise<AlexaApiMock> {
  const apiAccessToken =
    (typeof options === 'object' ? options.apiAccessToken : undefined) ?? DEFAULT_API_ACCESS_TOKEN;
  if (options === 'unreachable') {
    return {
      apiEndpoint: await unreachableUrl(),
      apiAccessToken,
      calls: [],
      close: () => Promise.resolve(),
    };
  }
  const respond = alexaApiResponder(options);
  const calls: string[] = [];
  const server = await listenOnLoopback((request) => {
    const path = request.url ?? '/';
    calls.push(path);
    return respond(request.method ?? 'GET', path, request.headers.authorization);
  });
  return {
    apiEndpoint: server.url.replace(/\/$/, ''),
    apiAccessToken,
    calls,
    close: () => server.close(),
  };
}
