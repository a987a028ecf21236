/**
 * A real DynamoDB API on loopback for the shared cache's tests: dynalite (DynamoDB's API on an
 * in-memory LevelDB), started and stopped by the tests, with the table the skill's template
 * creates (partition key `pk`, string). Credentials are fake and the instance metadata service is
 * off, so the SDK never looks beyond the environment.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import dynalite from 'dynalite';
import { awsEnvironment } from './aws-env.js';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';

export { awsEnvironment } from './aws-env.js';

/** A running dynalite with one cache table. */
export interface LocalDynamo {
  readonly endpoint: string;
  readonly tableName: string;
  /** A client for the tests' own reads and writes. */
  readonly client: DynamoDBClient;
  /** The item under `pk`, as stored. */
  item(pk: string): Promise<Record<string, AttributeValue> | undefined>;
  /** Writes an item as is (an expired or corrupted one, say). */
  put(item: Record<string, AttributeValue>): Promise<void>;
  close(): Promise<void>;
}

/** Starts dynalite on 127.0.0.1 (a free port) and creates the table `tableName`. */
export async function startLocalDynamo(tableName = 'wsiw-weather-cache'): Promise<LocalDynamo> {
  // The SDK warns once per process on Node 20 about its future versions (CI runs 20 and 24).
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = awsEnvironment(endpoint);
  const client = new DynamoDBClient({
    region: env['AWS_REGION'],
    endpoint,
    credentials: {
      accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '',
      secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '',
    },
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return {
    endpoint,
    tableName,
    client,
    async item(pk) {
      const answer = await client.send(
        new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk } }, ConsistentRead: true }),
      );
      return answer.Item;
    },
    async put(item) {
      await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
    },
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          // dynalite calls back with null when all went well.
          if (error instanceof Error) reject(error);
          else resolve();
        });
      });
    },
  };
}
