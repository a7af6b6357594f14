import { describe, expect, it, vi } from 'vitest';
import {
  type AnnouncedErrors,
  createSyncErrorWatcher,
} from '../../../../extension/syncs/sync-error-watcher.ts';
import type { SyncResult, SyncService } from '../../../../extension/syncs/sync-service.ts';
import type { SyncView } from '../../../../shared/relay-api/syncs.ts';
import { syncView } from './sync-fixtures.ts';

const errored = (id: string, code: string) =>
  syncView({ id, status: 'errored', error: { code, message: `${code} (Meta)` } });

function setUp(initial: AnnouncedErrors = {}) {
  let syncs: SyncView[] = [];
  let answer: SyncResult<{ syncs: SyncView[] }> | null = null;
  let stored = initial;
  const list = vi.fn<SyncService['list']>(async () => answer ?? { ok: true, value: { syncs } });
  const announce = vi.fn(async (_sync: SyncView) => {});
  const watcher = createSyncErrorWatcher({
    syncs: { list },
    announced: {
      get: async () => stored,
      set: async (value) => {
        stored = value;
      },
    },
    announce,
  });
  return {
    watcher,
    list,
    announce,
    show: (next: SyncView[]) => {
      syncs = next;
    },
    fail: (next: SyncResult<{ syncs: SyncView[] }> | null) => {
      answer = next;
    },
    announced: () => announce.mock.calls.map(([sync]) => `${sync.id}:${sync.error?.code}`),
    stored: () => stored,
  };
}

describe('the sync error watcher', () => {
  it('announces a sync that became errored once, however often it looks', async () => {
    const t = setUp();
    t.show([syncView({ id: 'a' }), errored('b', 'facebook_token_revoked')]);
    await t.watcher.check();
    await t.watcher.check();
    expect(t.announced()).toEqual(['b:facebook_token_revoked']);
    expect(t.stored()).toEqual({ b: 'facebook_token_revoked' });
  });

  it('announces again when the error changes, or returns after a resume', async () => {
    const t = setUp();
    t.show([errored('b', 'facebook_token_revoked')]);
    await t.watcher.check();
    t.show([errored('b', 'facebook_audience_not_found')]);
    await t.watcher.check();
    t.show([syncView({ id: 'b' })]);
    await t.watcher.check();
    expect(t.stored()).toEqual({});
    t.show([errored('b', 'facebook_audience_not_found')]);
    await t.watcher.check();
    expect(t.announced()).toEqual([
      'b:facebook_token_revoked',
      'b:facebook_audience_not_found',
      'b:facebook_audience_not_found',
    ]);
  });

  it('does not repeat what a previous worker announced', async () => {
    const t = setUp({ b: 'facebook_token_revoked' });
    t.show([errored('b', 'facebook_token_revoked')]);
    await t.watcher.check();
    expect(t.announce).not.toHaveBeenCalled();
  });

  it('changes nothing when there is no relay or it does not answer', async () => {
    const t = setUp({ b: 'facebook_token_revoked' });
    t.fail({ ok: false, failure: { kind: 'no-relay' } });
    await t.watcher.check();
    t.fail({ ok: false, failure: { kind: 'unreachable', reason: 'network' } });
    await t.watcher.check();
    expect(t.stored()).toEqual({ b: 'facebook_token_revoked' });
    expect(t.announce).not.toHaveBeenCalled();
  });

  it('runs one check at a time: an alarm during a slow check joins it', async () => {
    const t = setUp();
    let release = () => {};
    t.list.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, value: { syncs: [errored('b', 'x')] } });
        }),
    );
    const first = t.watcher.check();
    const second = t.watcher.check();
    release();
    await Promise.all([first, second]);
    expect(t.list).toHaveBeenCalledTimes(1);
    expect(t.announce).toHaveBeenCalledTimes(1);
  });
});
