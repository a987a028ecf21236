/**
 * The shared cache's table: a {@link SharedItemStore} on one DynamoDB table through the AWS SDK v3
 * DynamoDB client. Loaded only when `WEATHER_CACHE_TABLE` is set (a dynamic import; `npm run
 * build` writes it as `.build/lambda/weather-cache-dynamodb.js`, the SDK bundled in, its version
 * pinned by the lockfile), so that an instance without the table never loads the SDK.
 *
 * The client takes the SDK's standard settings from the environment (`AWS_REGION`,
 * `AWS_ENDPOINT_URL_DYNAMODB`, credentials); this module adds a request timeout, `maxAttempts`,
 * and an abort signal per call. It imports nothing of the skill but types, so that the separate
 * bundle shares no state with the main one.
 *
 * Items: `pk` (S), `value` (S, the encoded value) or `leaseUntil` (N, epoch ms), `expiresAt` (N,
 * epoch seconds, the table's TTL attribute).
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import sdkPackage from '@aws-sdk/client-dynamodb/package.json' with { type: 'json' };
import type { SharedItemStore } from './types.js';

/** The version of `@aws-sdk/client-dynamodb` in this build (logged at init). */
export const SDK_VERSION: string = sdkPackage.version;

/** Options of {@link createDynamoDbStore}. */
export interface DynamoDbStoreOptions {
  /** The table (`WEATHER_CACHE_TABLE`). */
  readonly tableName: string;
  /** Deadline of one HTTP request (connection and answer), ms. */
  readonly requestTimeoutMs: number;
  /** Attempts per call, the first included (the SDK's retries; the caller's signal bounds them all). */
  readonly maxAttempts: number;
  /**
   * Settings of the client that take precedence over the environment's (an endpoint, a region,
   * credentials: tests). Default: none, the SDK reads `AWS_REGION`, `AWS_ENDPOINT_URL_DYNAMODB`
   * and the credentials from the environment.
   */
  readonly client?: Pick<DynamoDBClientConfig, 'endpoint' | 'region' | 'credentials'>;
}

/** An attribute value as a plain value: `S` as text, `N` as a number, anything else as it came. */
function plain(attribute: AttributeValue): unknown {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  return attribute;
}

/** Creates the store. The client opens no connection until the first call. */
export function createDynamoDbStore(options: DynamoDbStoreOptions): SharedItemStore {
  const client = new DynamoDBClient({
    ...options.client,
    maxAttempts: options.maxAttempts,
    requestHandler: {
      connectionTimeout: options.requestTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
    },
  });
  const TableName = options.tableName;
  return {
    async read(pk, { consistent, signal }) {
      const answer = await client.send(
        new GetItemCommand({ TableName, Key: { pk: { S: pk } }, ConsistentRead: consistent }),
        { abortSignal: signal },
      );
      if (answer.Item === undefined) return undefined;
      const item: Record<string, unknown> = {};
      for (const [name, attribute] of Object.entries(answer.Item)) item[name] = plain(attribute);
      return item;
    },
    async write(item, { signal }) {
      await client.send(
        new PutItemCommand({
          TableName,
          Item: {
            pk: { S: item.pk },
            value: { S: item.value },
            expiresAt: { N: String(item.expiresAt) },
          },
        }),
        { abortSignal: signal },
      );
    },
    async lease(item, { signal }) {
      try {
        await client.send(
          new PutItemCommand({
            TableName,
            Item: {
              pk: { S: item.pk },
              leaseUntil: { N: String(item.leaseUntil) },
              expiresAt: { N: String(item.expiresAt) },
            },
            ConditionExpression:
              'attribute_not_exists(pk) OR expiresAt < :nowSeconds OR (attribute_not_exists(#value) AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#value': 'value' },
            ExpressionAttributeValues: {
              ':now': { N: String(item.now) },
              ':nowSeconds': { N: String(Math.floor(item.now / 1000)) },
            },
          }),
          { abortSignal: signal },
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
