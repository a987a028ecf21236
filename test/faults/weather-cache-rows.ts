/**
 * The fault matrix's rows for the shared weather cache's table (`WEATHER_CACHE_TABLE`): the real
 * DynamoDB client against a table stand-in on loopback (nock) that fails as a table can, and in
 * every row the answer the skill would give without the table (the advice), within the weather
 * budget, the failure logged.
 */
import { expect } from 'chai';
import nock from 'nock';
import type { ResponseEnvelope } from 'ask-sdk-model';
import type { Logger } from '../../common/logger.js';
import { createDynamoDbStore } from '../../lambda/weather/shared-cache/dynamodb-store.js';
import {
  createSharedCache,
  MAX_ATTEMPTS,
  sharedCacheTimings,
  type SharedCache,
} from '../../lambda/weather/shared-cache/index.js';
import { networkError } from '../harness/network-error.js';

/** Where the table stand-in answers (nock intercepts it: nothing listens there). */
const TABLE_ENDPOINT = 'http://127.0.0.1:4566';
const JSON_10 = { 'content-type': 'application/x-amz-json-1.0' };
const CLIENT = {
  endpoint: TABLE_ENDPOINT,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDTESTFAKE', secretAccessKey: 'test-fake-secret' },
};

// The rows run on a warm instance: the SDK's first call in a process pays for its own setup (in
// the skill, the cache's warm-up read at init does), which does not fit the rows' 50 ms deadline.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
await createDynamoDbStore({
  tableName: 'wsiw-weather-cache',
  requestTimeoutMs: 1000,
  maxAttempts: 1,
  client: { ...CLIENT, endpoint: 'http://127.0.0.1:9' },
})
  .read('warm-up', { consistent: false, signal: AbortSignal.timeout(1000) })
  .catch(() => undefined);

/** What a row needs of the matrix. */
export interface MatrixHelpers {
  /** Serves the key set, the Settings API and Open-Meteo. */
  readonly servicesUp: () => void;
  readonly speechOf: (reply: ResponseEnvelope) => string;
  readonly logs: readonly string[];
  /** Values the matrix searches every log line for: the rows add the table's credentials. */
  readonly secrets: string[];
  readonly logger: Logger;
  readonly now: () => number;
  readonly budgetMs: number;
}

/** One row: the fault, its arrangement, the outcome, the budget, and the shared cache to use. */
export interface TableRow {
  readonly fault: string;
  readonly arrange: () => void;
  readonly expect: (reply: ResponseEnvelope) => void;
  readonly within: number;
  readonly sharedCache: () => SharedCache;
}

/** The table's fault rows. */
export function weatherCacheRows(h: MatrixHelpers): TableRow[] {
  h.secrets.push(CLIENT.credentials.secretAccessKey);
  let mark = 0;
  // Persisted: the cache's warm-up read at creation meets the same fault.
  const table = () => nock(TABLE_ENDPOINT).persist().post('/');
  const sharedCache = (): SharedCache => {
    // Deadlines of a 1 s budget (100 ms a table call): the row's answer must still come within
    // the 200 ms weather budget, and a loaded machine's jitter does not turn a refusal into a
    // timeout.
    const timings = sharedCacheTimings(1000);
    return createSharedCache({
      ...timings,
      now: h.now,
      logger: h.logger,
      store: createDynamoDbStore({
        tableName: 'wsiw-weather-cache',
        requestTimeoutMs: timings.callTimeoutMs,
        maxAttempts: MAX_ATTEMPTS,
        client: CLIENT,
      }),
    });
  };
  const row = (fault: string, serveTable: () => void, logged: RegExp): TableRow => ({
    fault: `weather cache table ${fault}`,
    arrange: () => {
      mark = h.logs.length;
      h.servicesUp();
      serveTable();
    },
    expect: (reply) => {
      expect(h.speechOf(reply)).to.match(/feel like/);
      expect(h.logs.slice(mark).join('\n')).to.match(logged);
    },
    within: h.budgetMs,
    sharedCache,
  });
  const bypassed = (reason: string): RegExp =>
    new RegExp(`"reason":"${reason}".*"message":"weather cache table bypassed"`);

  return [
    row(
      'unreachable',
      () => {
        table().replyWithError(networkError('ECONNREFUSED'));
      },
      bypassed('unreachable'),
    ),
    row(
      'slow',
      () => {
        table().delay(3000).reply(200, {}, JSON_10);
      },
      bypassed('timeout'),
    ),
    row(
      'throttled',
      () => {
        table().reply(
          400,
          {
            __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
            message: 'Rate of requests exceeds the allowed throughput.',
          },
          JSON_10,
        );
      },
      bypassed('throttled'),
    ),
    row(
      'answering garbage',
      () => {
        table().reply(200, '<html><body>502 Bad Gateway</body></html>', {
          'content-type': 'text/html',
        });
      },
      bypassed('error'),
    ),
    row(
      'holding a corrupted item',
      () => {
        const expiresAt = String(Math.floor(h.now() / 1000) + 3600);
        // Every read finds the corrupted item (the warm-up's, the place's, the forecast's); each
        // is a miss, answered upstream and written back over it.
        table().reply(
          200,
          { Item: { pk: { S: 'x' }, value: { S: '{"found": tru' }, expiresAt: { N: expiresAt } } },
          JSON_10,
        );
      },
      /weather cache item unreadable: treated as a miss/,
    ),
  ];
}
