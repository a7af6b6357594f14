import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../../proxy/store/sqlite/open-sqlite-store.ts';
import type { RelayStore } from '../../../../../proxy/store/store.ts';
import type { SyncRecord } from '../../../../../proxy/store/syncs.ts';
import { removeTempDirs, tempDir } from '../../../../support/temp-dirs.ts';

const stores: RelayStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  removeTempDirs();
});

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 22, 12, minute, second));

async function storeWithWorkspaces(dataDir = tempDir()) {
  const store = openSqliteStore({ dataDir });
  stores.push(store);
  if (!(await store.workspaces.get('ws_a'))) {
    await store.workspaces.create({ id: 'ws_a', name: 'Acme', createdAt: at(0) });
    await store.workspaces.create({ id: 'ws_b', name: 'Globex', createdAt: at(0) });
  }
  return store;
}

const sync = (id: string, workspaceId: string, change: Partial<SyncRecord> = {}): SyncRecord => ({
  id,
  workspaceId,
  name: 'Cart abandoners',
  status: 'draft',
  adAccountId: null,
  audienceKind: null,
  audienceName: null,
  facebookAudienceId: null,
  action: 'add',
  fields: [],
  consent: {},
  defaultCountry: null,
  ingestSecretHash: 'a'.repeat(64),
  secretRotatedAt: at(1),
  error: null,
  retryAfter: null,
  failingSince: null,
  counts: { entered: 0, synced: 0, notSynced: 0, errored: 0 },
  createdAt: at(1),
  updatedAt: at(1),
  launchedAt: null,
  ...change,
});

const user = (n: number, rows = 1): string[][] =>
  Array.from({ length: rows }, (_, row) => [`${n}`.padStart(64, '0'), `device-${row}`]);

describe('syncs', () => {
  it('round-trip, scoped to their workspace', async () => {
    const store = await storeWithWorkspaces();
    await store.syncs.create(sync('s1', 'ws_a'));
    await store.syncs.create(sync('s2', 'ws_b'));
    expect(await store.syncs.get('ws_a', 's1')).toEqual(sync('s1', 'ws_a'));
    expect(await store.syncs.get('ws_a', 's2')).toBeUndefined();
    expect((await store.syncs.list('ws_a')).map((s) => s.id)).toEqual(['s1']);
    expect(await store.syncs.getForIngest('s2')).toMatchObject({ workspaceId: 'ws_b' });
    expect(await store.syncs.delete('ws_a', 's2')).toBe(false);
    expect(await store.syncs.update('ws_a', 's2', { name: 'taken' }, at(2))).toBe(false);
    expect((await store.syncs.get('ws_b', 's2'))?.name).toBe('Cart abandoners');
  });

  it('apply a change, clearing what is set to null, and list only active ones for delivery', async () => {
    const store = await storeWithWorkspaces();
    await store.syncs.create(sync('s1', 'ws_a', { error: { code: 'x', message: 'y' } }));
    await store.syncs.create(sync('s2', 'ws_b'));
    const change = {
      status: 'active' as const,
      adAccountId: '123',
      audienceKind: 'new' as const,
      audienceName: 'Cart — Email',
      facebookAudienceId: '999',
      fields: ['EMAIL' as const, 'PHONE' as const],
      consent: { optInAttribute: 'opted_in' },
      error: null,
      retryAfter: at(5),
      launchedAt: at(3),
    };
    expect(await store.syncs.update('ws_a', 's1', change, at(3))).toBe(true);
    expect(await store.syncs.get('ws_a', 's1')).toEqual(
      sync('s1', 'ws_a', { ...change, updatedAt: at(3) }),
    );
    expect((await store.syncs.listActive()).map((s) => s.id)).toEqual(['s1']);
  });

  it('queue users, take whole users up to the row limit and count each acknowledgement once', async () => {
    const dataDir = tempDir();
    const store = await storeWithWorkspaces(dataDir);
    await store.syncs.create(sync('s1', 'ws_a'));
    await store.syncs.create(sync('s2', 'ws_a'));
    await store.syncs.enqueue('s1', [user(1, 2), user(2, 2), user(3)], 2, at(10, 5));
    await store.syncs.enqueue('s2', [user(9)], 0, at(10, 6));
    expect(await store.syncs.pendingCount('s1')).toBe(3);
    expect(await store.syncs.totalPending()).toBe(4);

    const batch = await store.syncs.peekBatch('s1', 3);
    expect(batch.map((queued) => queued.rows)).toEqual([user(1, 2)]);
    const both = await store.syncs.peekBatch('s1', 4);
    expect(both.map((queued) => queued.rows)).toEqual([user(1, 2), user(2, 2)]);
    // One oversized user still goes, alone, rather than stalling the queue.
    expect((await store.syncs.peekBatch('s1', 1)).map((queued) => queued.rows)).toEqual([
      user(1, 2),
    ]);

    const ids = both.map((queued) => queued.id);
    expect(await store.syncs.acknowledge('s1', ids, at(11))).toBe(2);
    expect(await store.syncs.acknowledge('s1', ids, at(11))).toBe(0);
    // Another sync's ids are not this sync's to acknowledge.
    const [other] = await store.syncs.peekBatch('s2', 10);
    expect(await store.syncs.acknowledge('s1', [other?.id ?? -1], at(11))).toBe(0);

    // What was committed survives a reopen (a crash between flushes).
    await stores.pop()?.close();
    const reopened = await storeWithWorkspaces(dataDir);
    expect((await reopened.syncs.peekBatch('s1', 10)).map((queued) => queued.rows)).toEqual([
      user(3),
    ]);
    expect((await reopened.syncs.get('ws_a', 's1'))?.counts).toEqual({
      entered: 5,
      synced: 2,
      notSynced: 2,
      errored: 0,
    });
  });

  it('give up users queued before the cutoff, and keep per-minute series per workspace', async () => {
    const store = await storeWithWorkspaces();
    await store.syncs.create(sync('s1', 'ws_a'));
    await store.syncs.enqueue('s1', [user(1)], 0, at(10));
    await store.syncs.enqueue('s1', [user(2), user(3)], 1, at(12, 30));
    expect(await store.syncs.giveUp('s1', at(12), at(20))).toBe(1);
    expect(await store.syncs.giveUp('s1', at(12), at(20))).toBe(0);
    const [queued] = await store.syncs.peekBatch('s1', 1);
    await store.syncs.acknowledge('s1', [queued?.id ?? -1], at(20, 10));

    expect(await store.syncs.series('ws_a', 's1', at(0), at(30))).toEqual([
      { minute: at(10), entered: 1, synced: 0, notSynced: 0, errored: 0 },
      { minute: at(12), entered: 3, synced: 0, notSynced: 1, errored: 0 },
      { minute: at(20), entered: 0, synced: 1, notSynced: 0, errored: 1 },
    ]);
    expect(await store.syncs.series('ws_a', 's1', at(11), at(20))).toHaveLength(1);
    expect(await store.syncs.series('ws_b', 's1', at(0), at(30))).toEqual([]);
    expect((await store.syncs.get('ws_a', 's1'))?.counts).toEqual({
      entered: 4,
      synced: 1,
      notSynced: 1,
      errored: 1,
    });
  });

  it('delete a sync with its queue and series', async () => {
    const store = await storeWithWorkspaces();
    await store.syncs.create(sync('s1', 'ws_a'));
    await store.syncs.enqueue('s1', [user(1)], 0, at(10));
    expect(await store.syncs.delete('ws_a', 's1')).toBe(true);
    expect(await store.syncs.totalPending()).toBe(0);
    expect(await store.syncs.series('ws_a', 's1', at(0), at(30))).toEqual([]);
  });
});
