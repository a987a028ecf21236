/**
 * A {@link SharedItemStore} in memory, for the cache's unit tests: the same item layout and the
 * same lease condition as the DynamoDB store (`attribute_not_exists(pk) OR expiresAt < now OR
 * (no value AND leaseUntil < now)`), every call counted, and faults to inject per operation.
 */
import type { SharedItemStore } from '../../../../../lambda/weather/shared-cache/index.js';

type Operation = 'read' | 'write' | 'lease';

/** The store, with what the tests look at and steer. */
export interface MemoryStore extends SharedItemStore {
  readonly items: Map<string, Record<string, unknown>>;
  readonly calls: Record<Operation, number>;
  /** Makes every call of `operation` fail with `error` (or hang until aborted, for `'hang'`). */
  fail(operation: Operation, error: Error | 'hang'): void;
}

export function createMemoryStore(): MemoryStore {
  const items = new Map<string, Record<string, unknown>>();
  const calls: Record<Operation, number> = { read: 0, write: 0, lease: 0 };
  const faults = new Map<Operation, Error | 'hang'>();
  const enter = async (operation: Operation, signal: AbortSignal): Promise<void> => {
    calls[operation] += 1;
    const fault = faults.get(operation);
    if (fault === undefined) return;
    if (fault !== 'hang') throw fault;
    await new Promise((_, reject) => {
      signal.addEventListener('abort', () => {
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      });
    });
  };
  return {
    items,
    calls,
    fail(operation, error) {
      faults.set(operation, error);
    },
    async read(pk, { signal }) {
      await enter('read', signal);
      const item = items.get(pk);
      return item === undefined ? undefined : { ...item };
    },
    async write(item, { signal }) {
      await enter('write', signal);
      items.set(item.pk, { pk: item.pk, value: item.value, expiresAt: item.expiresAt });
    },
    async lease(item, { signal }) {
      await enter('lease', signal);
      const held = items.get(item.pk);
      const free =
        held === undefined ||
        (typeof held['expiresAt'] === 'number' &&
          held['expiresAt'] < Math.floor(item.now / 1000)) ||
        (held['value'] === undefined &&
          typeof held['leaseUntil'] === 'number' &&
          held['leaseUntil'] < item.now);
      if (!free) return false;
      items.set(item.pk, { pk: item.pk, leaseUntil: item.leaseUntil, expiresAt: item.expiresAt });
      return true;
    },
  };
}
