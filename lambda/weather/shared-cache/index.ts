/**
 * The shared weather cache on DynamoDB (`WEATHER_CACHE_TABLE`): the cache, its item codecs, and
 * the factory that loads the SDK-backed table lazily, with deadlines taken from the weather budget.
 */
import type { Logger } from '../../../common/logger.js';
import { createSharedCache, type SharedCacheOptions } from './shared-cache.js';
import type { SharedCache, SharedItemStore } from './types.js';

export { CorruptItemError, forecastCodec, placeCodec, type ItemCodec } from './codecs.js';
export {
  classifyTableFailure,
  createSharedCache,
  itemKey,
  type SharedCacheOptions,
  type TableFailure,
} from './shared-cache.js';
export type * from './types.js';

/** The table's timings for a weather budget of `budgetMs`: every wait fits well inside it. */
export function sharedCacheTimings(
  budgetMs: number,
): Pick<
  SharedCacheOptions,
  'callTimeoutMs' | 'waitMs' | 'leaseMs' | 'bypassMs' | 'logPeriodMs' | 'pollMs'
> {
  const callTimeoutMs = Math.min(300, Math.max(25, Math.round(budgetMs / 10)));
  return {
    callTimeoutMs,
    waitMs: Math.min(1000, Math.round(budgetMs * 0.3)),
    leaseMs: budgetMs,
    bypassMs: 30_000,
    logPeriodMs: 60_000,
    pollMs: Math.max(10, Math.round(callTimeoutMs / 10)),
  };
}

/**
 * One attempt per table call: a retry rarely fits the call's deadline, and would add load to a
 * throttled table; the upstream answers instead, and the table is skipped for a while.
 */
export const MAX_ATTEMPTS = 1;

/** Options of {@link createDynamoDbSharedCache}. */
export interface DynamoDbSharedCacheOptions {
  /** The table (`WEATHER_CACHE_TABLE`). */
  readonly tableName: string;
  /** The weather budget (`WEATHER_TIMEOUT_MS`), from which every table deadline is taken. */
  readonly budgetMs: number;
  /** The clock, epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  readonly logger?: Logger;
  /**
   * Loads the table's module. Default: a dynamic import of `./dynamodb-store.js` (the bundle's
   * `weather-cache-dynamodb.js`). Tests replace it to count or refuse the load.
   */
  readonly loadStoreModule?: () => Promise<StoreModule>;
}

/** What the lazily loaded module offers. */
export interface StoreModule {
  readonly SDK_VERSION: string;
  createDynamoDbStore(options: {
    tableName: string;
    requestTimeoutMs: number;
    maxAttempts: number;
  }): SharedItemStore;
}

/**
 * The shared cache on the DynamoDB table `tableName`. Starts loading the SDK at once (at init, so
 * the first request rarely waits for it) and logs its version; each table call gets a deadline of
 * a tenth of the budget (25 to 300 ms), one attempt ({@link MAX_ATTEMPTS}), and an abort signal.
 */
export function createDynamoDbSharedCache(options: DynamoDbSharedCacheOptions): SharedCache {
  const timings = sharedCacheTimings(options.budgetMs);
  const load = options.loadStoreModule ?? (() => import('./dynamodb-store.js'));
  return createSharedCache({
    ...timings,
    now: options.now ?? Date.now,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    store: async () => {
      const module = await load();
      options.logger?.info('weather cache table: DynamoDB', {
        table: options.tableName,
        sdk: `@aws-sdk/client-dynamodb ${module.SDK_VERSION}`,
      });
      return module.createDynamoDbStore({
        tableName: options.tableName,
        requestTimeoutMs: timings.callTimeoutMs,
        maxAttempts: MAX_ATTEMPTS,
      });
    },
  });
}
