import { describe, expect, it } from 'vitest';
import { ExportQueue, type QueuedJob } from '../../../../proxy/jobs/export-queue.ts';

/** A queue whose jobs run until the test finishes them. */
function controlledQueue(limits: { perWorkspace?: number; perAdAccount?: number } = {}) {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const reasons = new Map<string, unknown>();
  const queue = new ExportQueue<QueuedJob>({
    ...limits,
    run: (job, signal) =>
      new Promise<void>((resolve) => {
        started.push(job.id);
        finishers.set(job.id, resolve);
        signal.addEventListener('abort', () => {
          reasons.set(job.id, signal.reason);
          resolve();
        });
      }),
  });
  const finish = async (id: string) => {
    finishers.get(id)?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { queue, started, finish, reasons };
}

const job = (id: string, workspaceId = 'w1', adAccountId = 'a1') => ({
  id,
  workspaceId,
  adAccountId,
});

describe('ExportQueue', () => {
  it('runs one export per ad account at a time, the next when it ends', async () => {
    const { queue, started, finish } = controlledQueue();
    queue.enqueue(job('1'));
    queue.enqueue(job('2'));
    queue.enqueue(job('3', 'w1', 'a2'));
    expect(started).toEqual(['1', '3']);
    await finish('1');
    expect(started).toEqual(['1', '3', '2']);
  });

  it('bounds each workspace, not the others', async () => {
    const { queue, started } = controlledQueue({ perWorkspace: 1, perAdAccount: 5 });
    queue.enqueue(job('1', 'w1', 'a1'));
    queue.enqueue(job('2', 'w1', 'a2'));
    queue.enqueue(job('3', 'w2', 'a3'));
    expect(started).toEqual(['1', '3']);
  });

  it('takes a waiting job off the queue, and stops a running one with the reason', async () => {
    const { queue, started, reasons } = controlledQueue();
    queue.enqueue(job('1'));
    queue.enqueue(job('2'));
    expect(queue.stop('2', 'cancel')).toBe(true);
    expect(queue.stop('1', 'cancel')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reasons.get('1')).toBe('cancel');
    expect(started).toEqual(['1']);
    expect(queue.has('2')).toBe(false);
  });

  it('stops everything as shutdown on close, and takes no more', async () => {
    const { queue, started, reasons } = controlledQueue();
    queue.enqueue(job('1'));
    queue.enqueue(job('2'));
    await queue.close();
    expect(reasons.get('1')).toBe('shutdown');
    queue.enqueue(job('3', 'w2', 'a9'));
    expect(started).toEqual(['1']);
  });

  it('does not queue the same job twice', () => {
    const { queue, started } = controlledQueue();
    queue.enqueue(job('1'));
    queue.enqueue(job('1'));
    expect(started).toEqual(['1']);
  });
});
