import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { SyncEditor } from '../../../../../extension/syncs/page/sync-editor.tsx';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../../shared/consent-settings.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import type { SyncView } from '../../../../../shared/relay-api/syncs.ts';
import { connectedAccount } from '../../facebook/facebook-fixtures.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';
import {
  draftSync,
  fakeBackgroundSyncs,
  launchCheck,
  ok,
  refused,
  SYNC_ID,
  syncView,
} from '../sync-fixtures.ts';

const text = en.syncs.editor;
const ACCOUNTS = [connectedAccount(), connectedAccount({ accountId: '222', name: 'Northwind EU' })];
let syncs: ReturnType<typeof fakeBackgroundSyncs>;
let onSaved: ReturnType<typeof vi.fn<(sync: SyncView, settled: boolean) => void>>;
beforeEach(() => {
  syncs = fakeBackgroundSyncs();
  onSaved = vi.fn();
});

async function open(sync: SyncView | null, consentDefaults = DEFAULT_CONSENT_SETTINGS) {
  await mount(
    <SyncEditor
      sync={sync}
      accounts={ACCOUNTS}
      consentDefaults={consentDefaults}
      syncs={syncs}
      relayUrl={RELAY_URL}
      onSaved={onSaved}
    />,
  );
  await settle();
}

const checkbox = (label: string) => {
  const found = [...document.querySelectorAll('label')].find(
    (node) => node.textContent?.trim() === label,
  );
  return found?.querySelector('input') as HTMLInputElement;
};
const groupError = (legend: string) => {
  const group = [...document.querySelectorAll('fieldset')].find(
    (node) => node.querySelector('legend')?.textContent === legend,
  );
  return group?.querySelector('.ar-field-error')?.textContent;
};

describe('the sync editor', () => {
  it('creates a draft from what is filled in, leaving out what is not', async () => {
    await open(null);
    expect((document.getElementById('sync-ad-account') as HTMLSelectElement).value).toBe(
      '1029384756',
    );
    await type(field(text.name), 'Winback');
    await click(button(text.saveDraft));
    expect(syncs.create).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ name: 'Winback', adAccountId: '1029384756', fields: ['EMAIL'] }),
    );
    expect(syncs.create.mock.calls[0]?.[0]).not.toHaveProperty('audience');
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: 'Winback' }), true);
    expect(pageText()).toContain(text.saved);
  });

  it("starts from the workspace's consent defaults and names the opt-out attribute", async () => {
    const workspace = {
      ...DEFAULT_CONSENT_SETTINGS,
      optOutAttribute: 'gdpr_objection',
      excludeEmailUnsubscribed: true,
    };
    await open(null, workspace);
    expect(checkbox(en.consent.optOut('gdpr_objection')).checked).toBe(true);
    expect(checkbox(en.consent.unsubscribed).checked).toBe(true);
    await type(field(text.name), 'Winback');
    await click(button(text.saveDraft));
    expect(syncs.create.mock.calls[0]?.[0].consent).toEqual({});
  });

  it("turns a sync's opt-out back on with the attribute its label names", async () => {
    const workspace = { ...DEFAULT_CONSENT_SETTINGS, optOutAttribute: 'gdpr_objection' };
    await open(draftSync({ consent: { optOutAttribute: null } }), workspace);
    const optOut = checkbox(en.consent.optOut('gdpr_objection'));
    expect(optOut.checked).toBe(false);
    await click(optOut);
    await click(button(text.saveDraft));
    // Back on the workspace's own attribute, so the sync follows the default again.
    expect(syncs.update.mock.calls[0]?.[1].consent).toEqual({});
  });

  it('asks for a name before saving anything', async () => {
    await open(null);
    await click(button(text.saveDraft));
    expect(syncs.create).not.toHaveBeenCalled();
    expect(pageText()).toContain(text.nameMissing);
    expect(document.activeElement).toBe(field(text.name));
  });

  it('shows each launch refusal beside its field, and all of them with their fix', async () => {
    syncs.launchCheck.mockResolvedValue(
      ok(
        launchCheck({
          ok: false,
          refusals: [
            { code: 'sync_fields_missing', message: 'no fields', field: 'fields' },
            {
              code: 'facebook_custom_audience_terms_not_accepted',
              message: 'terms',
              field: 'adAccountId',
            },
            { code: 'facebook_token_revoked', message: 'revoked' },
            // A code this extension's catalog does not know (a newer relay): its own words.
            { code: 'sync_from_a_newer_relay', message: 'A newer relay refuses this.' },
          ],
        }),
      ),
    );
    await open(draftSync({ fields: [] }));
    await click(button(text.launch));
    expect(syncs.update).toHaveBeenCalledOnce();
    expect(syncs.launch).not.toHaveBeenCalled();
    const summary = document.querySelector('[role="alert"]');
    expect(document.activeElement).toBe(summary);
    expect(summary?.textContent).toContain(text.refusedTitle);
    const revoked = describeError('facebook_token_revoked');
    expect(summary?.textContent).toContain(revoked.title);
    expect(summary?.textContent).toContain(revoked.steps[0]);
    expect(summary?.textContent).toContain('A newer relay refuses this.');
    expect(groupError(text.fields)).toBe(describeError('sync_fields_missing').title);
    const select = document.getElementById('sync-ad-account');
    expect(select?.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(select?.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toContain('Custom Audience');
  });

  it('shows the warnings and launches only once confirmed', async () => {
    syncs.launchCheck.mockResolvedValue(
      ok(
        launchCheck({
          warnings: [
            {
              code: 'facebook_audience_too_small',
              message: 'The audience holds about 300 people.',
              field: 'action',
            },
          ],
        }),
      ),
    );
    await open(draftSync({ action: 'remove' }));
    await click(button(text.launch));
    expect(pageText()).toContain('The audience holds about 300 people.');
    expect(pageText()).toContain(text.launchText.remove);
    expect(syncs.launch).not.toHaveBeenCalled();
    await click(button(text.launchConfirm));
    expect(syncs.launch).toHaveBeenCalledExactlyOnceWith(SYNC_ID);
    expect(onSaved).toHaveBeenLastCalledWith(syncView(), true);
  });

  it('can be cancelled at the confirmation', async () => {
    await open(draftSync());
    await click(button(text.launch));
    await click(button(text.notYet));
    expect(syncs.launch).not.toHaveBeenCalled();
    expect(button(text.launch)).toBeDefined();
  });

  it('checks again when the relay refuses the launch after a clean check', async () => {
    syncs.launch.mockResolvedValue(refused(422, 'sync_launch_refused'));
    syncs.launchCheck.mockResolvedValueOnce(ok(launchCheck())).mockResolvedValueOnce(
      ok(
        launchCheck({
          ok: false,
          refusals: [
            { code: 'facebook_audience_limit_reached', message: 'full', field: 'audience' },
          ],
        }),
      ),
    );
    await open(draftSync());
    await click(button(text.launch));
    await click(button(text.launchConfirm));
    expect(syncs.launchCheck).toHaveBeenCalledTimes(2);
    expect(groupError(text.audience)).toBe(describeError('facebook_audience_limit_reached').title);
  });

  it('creates a new sync once, then launches it with the same id', async () => {
    syncs.launchCheck.mockResolvedValueOnce(
      ok(
        launchCheck({
          ok: false,
          refusals: [{ code: 'sync_audience_missing', message: 'x', field: 'audience' }],
        }),
      ),
    );
    await open(null);
    await type(field(text.name), 'Winback');
    await click(button(text.launch));
    expect(onSaved).toHaveBeenLastCalledWith(expect.anything(), false);
    await type(field(text.audienceName), 'Winback audience');
    await click(button(text.launch));
    expect(syncs.create).toHaveBeenCalledOnce();
    expect(syncs.update).toHaveBeenCalledExactlyOnceWith(
      SYNC_ID,
      expect.objectContaining({ audience: { kind: 'new', name: 'Winback audience' } }),
    );
  });

  it('explains a relay that refuses to save', async () => {
    syncs.update.mockResolvedValue(refused(409, 'sync_not_editable'));
    await open(draftSync());
    await click(button(text.saveDraft));
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(describeError('sync_not_editable').title);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('lists an ad account’s audiences, the unusable ones disabled with the reason', async () => {
    await open(draftSync());
    await click(checkbox(text.existingAudience));
    expect(syncs.syncableAudiences).toHaveBeenCalledWith('1029384756');
    const usable = document.getElementById('audience-23850000000000001') as HTMLInputElement;
    const valueBased = document.getElementById('audience-23850000000000002') as HTMLInputElement;
    expect(usable.disabled).toBe(false);
    expect(valueBased.disabled).toBe(true);
    const reason = document.getElementById(valueBased.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('Value-based audiences can’t be filled by a sync.');
    await click(usable);
    await click(button(text.saveDraft));
    expect(syncs.update).toHaveBeenCalledWith(
      SYNC_ID,
      expect.objectContaining({
        audience: { kind: 'existing', facebookAudienceId: '23850000000000001' },
      }),
    );
  });

  describe('once launched', () => {
    it('locks the ad account, audience, action and fields, saying why', async () => {
      await open(syncView());
      expect(pageText()).toContain(text.launchedRules);
      const select = document.getElementById('sync-ad-account') as HTMLSelectElement;
      expect(select.disabled).toBe(true);
      expect(select.getAttribute('aria-describedby')).toBe('sync-locked-note');
      expect(checkbox('Email').disabled).toBe(true);
      expect(checkbox(text.actions.remove).disabled).toBe(true);
      expect(checkbox(en.consent.unsubscribed).disabled).toBe(false);
      expect(() => button(text.launch)).toThrow();
    });

    it('saves only what may still change', async () => {
      syncs.update.mockResolvedValue(ok(syncView({ name: 'Renamed' })));
      await open(syncView());
      await type(field(text.name), 'Renamed');
      await click(checkbox(en.consent.unsubscribed));
      await click(button(text.saveChanges));
      const change = syncs.update.mock.calls[0]?.[1];
      expect(Object.keys(change ?? {}).sort()).toEqual(['consent', 'name']);
      expect(change?.consent?.excludeEmailUnsubscribed).toBe(true);
    });
  });
});
