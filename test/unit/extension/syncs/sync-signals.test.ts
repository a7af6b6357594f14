import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announcedSyncErrors, notifySyncError } from '../../../../extension/syncs/sync-signals.ts';
import { describeError } from '../../../../shared/error-catalog.ts';
import { syncView } from './sync-fixtures.ts';

beforeEach(() => fakeBrowser.reset());

describe('the sync error signals', () => {
  it('notify which sync stopped, in the catalog’s words, under the sync’s own id', async () => {
    const sync = syncView({
      id: 'sync_9',
      status: 'errored',
      error: { code: 'facebook_custom_audience_terms_not_accepted', message: 'Meta said no' },
    });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notifySyncError(fakeBrowser)(sync);
    const title = describeError('facebook_custom_audience_terms_not_accepted', {
      adAccountId: '1029384756',
    }).title;
    expect(create).toHaveBeenCalledExactlyOnceWith('sync:sync_9', {
      type: 'basic',
      iconUrl: expect.stringContaining('/icon-128.png'),
      title: 'Sync stopped: Cart abandoners',
      message: expect.stringContaining(title),
    });
  });

  it('keep what was announced, and read anything malformed as nothing', async () => {
    let value: unknown = { a: 'x' };
    const store = announcedSyncErrors({
      getValue: async () => value,
      setValue: async (next) => {
        value = next;
      },
    });
    expect(await store.get()).toEqual({ a: 'x' });
    await store.set({ b: 'y' });
    expect(await store.get()).toEqual({ b: 'y' });
    value = ['not', 'a', 'record'];
    expect(await store.get()).toEqual({});
  });
});
