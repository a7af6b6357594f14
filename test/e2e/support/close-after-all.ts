import { afterAll } from 'vitest';

interface Closable {
  close(): Promise<void>;
}

/**
 * Collects browsers and servers as a test file opens them and closes every one after the
 * file, last opened first (the browser before the servers it talks to), even when opening
 * something later failed or an earlier close throws. Call at the top level of the file.
 */
export function closeAfterAll() {
  const opened: Closable[] = [];
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const item of opened.splice(0).reverse()) {
      await item.close().catch((error: unknown) => failures.push(error));
    }
    if (failures.length) throw new AggregateError(failures, 'Closing e2e resources failed');
  });
  return {
    add<T extends Closable>(item: T): T {
      opened.push(item);
      return item;
    },
  };
}
