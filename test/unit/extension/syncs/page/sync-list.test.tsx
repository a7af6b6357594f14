import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { SyncList } from '../../../../../extension/syncs/page/sync-list.tsx';
import { routeOf } from '../../../../../extension/syncs/syncs-route.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, mount, pageText, settle } from '../../support/render-page.ts';
import { manualIntervals } from '../manual-intervals.ts';
import { fakeBackgroundSyncs, ok, refused, syncView } from '../sync-fixtures.ts';

const text = en.syncs.list;
let syncs: ReturnType<typeof fakeBackgroundSyncs>;
beforeEach(() => {
  syncs = fakeBackgroundSyncs();
});

async function open(timers = manualIntervals()) {
  const onOpen = vi.fn();
  const onNew = vi.fn();
  await mount(
    <SyncList
      syncs={syncs}
      relayUrl={RELAY_URL}
      onOpen={onOpen}
      onNew={onNew}
      refreshMs={5000}
      timers={timers}
    />,
  );
  await settle();
  return { onOpen, onNew, timers };
}

const rows = () => [...document.querySelectorAll('.sync-row')];

describe('the syncs list', () => {
  it('shows each sync with its status and five numbers', async () => {
    await open();
    const [row] = rows();
    expect(row?.querySelector('h3')?.textContent).toBe('Cart abandoners');
    expect(row?.textContent).toContain(en.syncs.status.active);
    const numbers = [...(row?.querySelectorAll('dd') ?? [])].map((dd) => dd.textContent);
    expect(numbers).toEqual(['120', '100', '5', '15', '0']);
    const terms = [...(row?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);
    expect(terms).toEqual(Object.values(en.syncs.counts.label));
  });

  it('puts errored syncs first, highlighted with the catalog’s fix', async () => {
    syncs.list.mockResolvedValue(
      ok({
        syncs: [
          syncView({ id: 'a', name: 'Fine' }),
          syncView({
            id: 'b',
            name: 'Broken',
            status: 'errored',
            error: { code: 'facebook_token_revoked', message: 'Meta: revoked' },
          }),
        ],
      }),
    );
    await open();
    const [first, second] = rows();
    expect(first?.classList.contains('sync-row--errored')).toBe(true);
    expect(first?.textContent).toContain('Broken');
    const entry = describeError('facebook_token_revoked');
    expect(first?.textContent).toContain(entry.title);
    expect(first?.textContent).toContain(entry.steps[0]);
    expect(first?.textContent).toContain(en.syncs.resumeAfterFix);
    expect(second?.textContent).toContain('Fine');
  });

  it('opens a sync from its name, and a new one from its button', async () => {
    const { onOpen, onNew } = await open();
    const link = document.querySelector('.sync-row a') as HTMLAnchorElement;
    // The address the page's own route reads, so opening it in a new tab lands on the sync.
    expect(routeOf(new URL(link.href).search)).toEqual({ kind: 'sync', syncId: 'sync_abc' });
    await click(link);
    expect(onOpen).toHaveBeenCalledWith('sync_abc');
    await click(button(text.newSync));
    expect(onNew).toHaveBeenCalledOnce();
  });

  it('says what syncs are when there are none', async () => {
    syncs.list.mockResolvedValue(ok({ syncs: [] }));
    await open();
    expect(pageText()).toContain(text.emptyTitle);
  });

  it('refreshes while shown, keeping the list through a failed refresh', async () => {
    const { timers } = await open();
    syncs.list.mockResolvedValueOnce(refused(500, 'internal'));
    await timers.tick();
    expect(rows()).toHaveLength(1);
    syncs.list.mockResolvedValueOnce(ok({ syncs: [syncView(), syncView({ id: 'c' })] }));
    await timers.tick();
    expect(rows()).toHaveLength(2);
    expect(syncs.list).toHaveBeenCalledTimes(3);
  });

  it('explains a first load that fails', async () => {
    syncs.list.mockResolvedValue(refused(500, 'internal'));
    await open();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      describeError('internal').title,
    );
  });
});
