import { describe, expect, it } from 'vitest';
import {
  changeOf,
  draftFieldOf,
  draftOf,
  requestOf,
  withOptOut,
} from '../../../../../extension/syncs/page/sync-draft.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../../shared/consent-settings.ts';
import { createSyncRequest, updateSyncRequest } from '../../../../../shared/relay-api/syncs.ts';
import { draftSync, syncView } from '../sync-fixtures.ts';

describe('the sync draft', () => {
  it('starts a new sync on the first ad account, adding on Email with the default filters', () => {
    expect(draftOf(null, '111')).toMatchObject({
      name: '',
      adAccountId: '111',
      audienceKind: 'new',
      action: 'add',
      fields: ['EMAIL'],
      consent: DEFAULT_CONSENT_SETTINGS,
    });
  });

  it('leaves out what is not chosen yet, so a draft saves incomplete', () => {
    const request = requestOf({ ...draftOf(null), name: ' Winback ', fields: [] });
    // Filters left as the workspace has them are not the sync's own: they follow the defaults.
    expect(request).toEqual({ name: 'Winback', action: 'add', consent: {} });
    expect(createSyncRequest.safeParse(request).success).toBe(true);
  });

  it('sends a new audience by name and an existing one by id', () => {
    const draft = { ...draftOf(null, '111'), name: 'x', audienceName: ' VIP ' };
    expect(requestOf(draft).audience).toEqual({ kind: 'new', name: 'VIP' });
    expect(
      requestOf({ ...draft, audienceKind: 'existing', facebookAudienceId: '2385' }).audience,
    ).toEqual({ kind: 'existing', facebookAudienceId: '2385' });
    expect(requestOf({ ...draft, audienceKind: 'existing' }).audience).toBeUndefined();
  });

  it('round-trips a saved sync', () => {
    const sync = draftSync({ defaultCountry: 'FR', consent: { excludeEmailUnsubscribed: true } });
    const request = requestOf(draftOf(sync));
    expect(request).toMatchObject({
      name: sync.name,
      adAccountId: sync.adAccountId,
      audience: { kind: 'new', name: 'Cart abandoners (live)' },
      fields: ['EMAIL'],
      defaultCountry: 'FR',
      consent: { excludeEmailUnsubscribed: true },
    });
  });

  it("shows the workspace's defaults under the sync's own choices, and saves only what differs", () => {
    const workspace = {
      ...DEFAULT_CONSENT_SETTINGS,
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: true,
    };
    expect(draftOf(null, '111', workspace).consent).toEqual(workspace);
    const sync = draftSync({ consent: { requireAdTrackingForDeviceIds: false } });
    const draft = draftOf(sync, '', workspace);
    expect(draft.consent).toEqual({ ...workspace, requireAdTrackingForDeviceIds: false });
    // The opt-in the editor does not show is never turned off by saving.
    expect(requestOf(draft, workspace).consent).toEqual({ requireAdTrackingForDeviceIds: false });
    const optedOutOff = { ...draft, consent: withOptOut(draft.consent, false) };
    expect(changeOf(optedOutOff, true, workspace).consent).toEqual({
      requireAdTrackingForDeviceIds: false,
      optOutAttribute: null,
    });
  });

  it('changes only the name, filters and country of a launched sync', () => {
    const draft = { ...draftOf(syncView()), defaultCountry: 'US', fields: ['PHONE' as const] };
    const change = changeOf(draft, true);
    expect(Object.keys(change).sort()).toEqual(['consent', 'defaultCountry', 'name']);
    expect(updateSyncRequest.safeParse(change).success).toBe(true);
    expect(changeOf(draft, false).fields).toEqual(['PHONE']);
  });

  it('finds the editor field a refusal names', () => {
    expect(draftFieldOf('fields')).toBe('fields');
    expect(draftFieldOf('audience.name')).toBe('audience');
    expect(draftFieldOf('somethingElse')).toBeUndefined();
    expect(draftFieldOf(undefined)).toBeUndefined();
  });

  it('turns the opt-out filter off, and back on with the default attribute', () => {
    const off = withOptOut({ ...DEFAULT_CONSENT_SETTINGS, optOutAttribute: 'gdpr_out' }, false);
    expect(off.optOutAttribute).toBeNull();
    expect(withOptOut(off, true).optOutAttribute).toBe('do_not_sell_or_share');
  });
});
