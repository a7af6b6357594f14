import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { SyncsApp } from '../../../../../extension/syncs/page/syncs-app.tsx';
import type { SyncsRoute } from '../../../../../extension/syncs/syncs-route.ts';
import {
  connectedStatus,
  failedStatus,
  fakeBackgroundRelay,
  REVOKED,
  relayConnection,
} from '../../support/fake-background-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';
import { manualIntervals } from '../manual-intervals.ts';
import { fakeBackgroundSyncs, SYNC_ID } from '../sync-fixtures.ts';

let syncs: ReturnType<typeof fakeBackgroundSyncs>;
beforeEach(() => {
  syncs = fakeBackgroundSyncs();
});

async function open(
  relay = fakeBackgroundRelay(relayConnection()),
  initialRoute: SyncsRoute = { kind: 'list' },
) {
  const openOptions = vi.fn();
  const onRoute = vi.fn();
  await mount(
    <SyncsApp
      relay={relay}
      syncs={syncs}
      clipboard={{ writeText: async () => {} }}
      openOptions={openOptions}
      initialRoute={initialRoute}
      onRoute={onRoute}
      timers={manualIntervals()}
      timeZone="UTC"
    />,
  );
  // The relay's state, then what the page asks once it knows it.
  await settle();
  await settle();
  return { openOptions, onRoute };
}

describe('the Syncs page', () => {
  it('leads to the settings when no relay is configured', async () => {
    const { openOptions } = await open(fakeBackgroundRelay(null));
    expect(pageText()).toContain(en.syncs.noRelayTitle);
    expect(syncs.list).not.toHaveBeenCalled();
    await click(button(en.popup.openSettings));
    expect(openOptions).toHaveBeenCalled();
  });

  it('explains a relay that does not work', async () => {
    await open(fakeBackgroundRelay(relayConnection(failedStatus(REVOKED))));
    expect(pageText()).toContain(en.syncs.relayFailingTitle);
    expect(syncs.list).not.toHaveBeenCalled();
  });

  it('moves from the list to a sync and back, telling the address', async () => {
    const { onRoute } = await open();
    await click(document.querySelector('.sync-row a') as HTMLElement);
    expect(onRoute).toHaveBeenLastCalledWith({ kind: 'sync', syncId: SYNC_ID });
    expect(document.getElementById('sync-heading')?.textContent).toBe('Cart abandoners');
    await click(button(`← ${en.syncs.detail.back}`));
    expect(onRoute).toHaveBeenLastCalledWith({ kind: 'list' });
    expect(document.querySelector('.sync-row')).not.toBeNull();
  });

  it('opens on the sync a notification names', async () => {
    await open(undefined, { kind: 'sync', syncId: 'sync_9' });
    expect(syncs.get).toHaveBeenCalledWith('sync_9');
  });

  it('creates a sync on the connected ad accounts, then shows it once saved', async () => {
    const { onRoute } = await open(undefined, { kind: 'new' });
    expect(syncs.facebookStatus).toHaveBeenCalled();
    const account = document.getElementById('sync-ad-account') as HTMLSelectElement;
    expect([...account.options].map((option) => option.value)).toEqual(['', '1029384756']);
    await type(field(en.syncs.editor.name), 'Winback');
    await click(button(en.syncs.editor.saveDraft));
    expect(onRoute).toHaveBeenLastCalledWith({ kind: 'sync', syncId: SYNC_ID });
  });

  it('hides the secret from marketers', async () => {
    await open(fakeBackgroundRelay(relayConnection(connectedStatus('marketer'))), {
      kind: 'sync',
      syncId: SYNC_ID,
    });
    expect(pageText()).toContain(en.syncs.ingest.adminOnly);
    expect(syncs.secret).not.toHaveBeenCalled();
  });
});
