import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { IngestPanel } from '../../../../../extension/syncs/page/ingest-panel.tsx';
import { describeError } from '../../../../../shared/error-catalog.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, mount, pageText, settle } from '../../support/render-page.ts';
import { fakeBackgroundSyncs, refused, SYNC_ID, syncView } from '../sync-fixtures.ts';

const text = en.syncs.ingest;
let syncs: ReturnType<typeof fakeBackgroundSyncs>;
let clipboard: { writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>> };
beforeEach(() => {
  syncs = fakeBackgroundSyncs();
  clipboard = { writeText: vi.fn(async () => {}) };
});

async function open(isAdmin = true) {
  await mount(
    <IngestPanel
      sync={syncView()}
      syncs={syncs}
      relayUrl={RELAY_URL}
      clipboard={clipboard}
      isAdmin={isAdmin}
    />,
  );
  await settle();
}

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe('the ingest panel', () => {
  it('copies the URL and the secret, saying so', async () => {
    await open();
    await click(button(en.copy.copy));
    expect(clipboard.writeText).toHaveBeenLastCalledWith(syncView().ingestUrl);
    const secretCopy = document.querySelector(
      `button[aria-label="${en.copy.copyLabel(text.secret)}"]`,
    ) as HTMLButtonElement;
    await click(secretCopy);
    expect(clipboard.writeText).toHaveBeenLastCalledWith('arsync_first-secret');
    expect(document.getElementById('ingest-secret-status')?.textContent).toBe(en.copy.copied);
  });

  it('says when the browser would not copy', async () => {
    clipboard.writeText.mockRejectedValue(new Error('denied'));
    await open();
    await click(button(en.copy.copy));
    expect(document.getElementById('ingest-url-status')?.textContent).toBe(en.copy.failed);
  });

  it('masks the secret until shown', async () => {
    await open();
    expect(input('ingest-secret').type).toBe('password');
    await click(button(en.copy.show));
    expect(input('ingest-secret').type).toBe('text');
    expect(button(en.copy.hide).getAttribute('aria-pressed')).toBe('true');
  });

  it('rotates only once confirmed, and shows the new secret everywhere', async () => {
    await open();
    await click(button(text.rotate));
    expect(syncs.rotateSecret).not.toHaveBeenCalled();
    expect(pageText()).toContain(text.rotateText);
    await click(button(text.rotateConfirm));
    expect(syncs.rotateSecret).toHaveBeenCalledExactlyOnceWith(SYNC_ID);
    expect(input('ingest-secret').value).toBe('arsync_second-secret');
    expect((document.getElementById('ingest-curl') as HTMLTextAreaElement).value).toContain(
      'Bearer arsync_second-secret',
    );
    expect(pageText()).toContain(text.rotated);
  });

  it('keeps the secret when rotating is cancelled, also with Escape', async () => {
    await open();
    await click(button(text.rotate));
    await click(button(text.keep));
    await click(button(text.rotate));
    const panel = document.querySelector('.confirm-action') as HTMLElement;
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(document.querySelector('.confirm-action')).toBeNull();
    expect(syncs.rotateSecret).not.toHaveBeenCalled();
  });

  it('tells marketers to ask an admin, without asking the relay for the secret', async () => {
    await open(false);
    expect(syncs.secret).not.toHaveBeenCalled();
    expect(pageText()).toContain(text.adminOnly);
    expect(input('ingest-url').value).toBe(syncView().ingestUrl);
  });

  it('explains a refused secret', async () => {
    syncs.secret.mockResolvedValue(refused(403, 'forbidden'));
    await open();
    expect(pageText()).toContain(describeError('forbidden').title);
  });
});
