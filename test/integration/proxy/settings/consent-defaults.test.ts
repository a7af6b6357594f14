import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../shared/consent-settings.ts';
import { useExportRelay, usersCsv } from '../exports/export-harness.ts';
import { errorCode } from '../support/test-relay.ts';

const start = useExportRelay();
const EMAIL = { plan: { kind: 'per-field', keys: ['EMAIL'] }, batchSize: 5 };
const OPT_IN_ONLY = {
  requireAdTrackingForDeviceIds: true,
  optOutAttribute: null,
  optInAttribute: 'opted_in_marketing',
  excludeEmailUnsubscribed: false,
};
/** 10 users: 0-3 opted in, 8 and 9 opted out. */
const CSV = usersCsv(10, (index) => ({
  opted_in_marketing: index < 4 ? 'yes' : '',
  do_not_sell_or_share: index >= 8 ? 'true' : '',
}));

type Relay = Awaited<ReturnType<typeof start>>;

/** PUT as the workspace's admin (or `token`). */
const saveDefaults = (relay: Relay, body: unknown, token = relay.adminToken) =>
  relay.call('/v1/settings/consent', { method: 'PUT', token, body });

describe('GET / PUT /v1/settings/consent', () => {
  it('shows every role the built-in defaults until an admin saves others', async () => {
    const relay = await start();
    const before = await relay.call('/v1/settings/consent', { token: relay.marketerToken });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ settings: DEFAULT_CONSENT_SETTINGS, updatedAt: null });

    const saved = await saveDefaults(relay, OPT_IN_ONLY);
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = await relay.call('/v1/settings/consent', { token: relay.marketerToken });
    expect(await after.json()).toEqual({
      settings: OPT_IN_ONLY,
      updatedAt: relay.clock.now().toISOString(),
    });
  });

  it('lets only admins change them, and refuses settings it cannot use', async () => {
    const relay = await start();
    const marketer = await saveDefaults(relay, OPT_IN_ONLY, relay.marketerToken);
    expect(marketer.status).toBe(403);
    expect(await errorCode(marketer)).toBe('forbidden');
    for (const body of [
      { optOutAttribute: '  ' },
      { excludeEmailUnsubscribed: 'yes' },
      { optOutAttribut: 'typo' },
    ]) {
      const refused = await saveDefaults(relay, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(refused)).toBe('validation_failed');
    }
    const unchanged = await relay.call('/v1/settings/consent', { token: relay.adminToken });
    expect(await unchanged.json()).toEqual({ settings: DEFAULT_CONSENT_SETTINGS, updatedAt: null });
  });

  it("keeps each workspace's defaults to itself", async () => {
    const relay = await start();
    const other = await relay.workspaceWithUsers('Globex');
    const saved = await saveDefaults(relay, OPT_IN_ONLY, other.adminToken);
    expect(saved.status).toBe(200);
    const mine = await relay.call('/v1/settings/consent', { token: relay.adminToken });
    expect((await mine.json()).settings).toEqual(DEFAULT_CONSENT_SETTINGS);
    const theirs = await relay.call('/v1/settings/consent', { token: other.marketerToken });
    expect((await theirs.json()).settings).toEqual(OPT_IN_ONLY);
  });
});

describe('exports and the workspace defaults', () => {
  it('filter with the defaults when the export chooses nothing, and keep them once created', async () => {
    const relay = await start();
    await saveDefaults(relay, OPT_IN_ONLY);
    // Slow uploads: the defaults change again while the export runs.
    await relay.control.addFault({ kind: 'latency', path: '/users$', latencyMs: 50, times: 2 });
    const created = await relay.exportFile(CSV, EMAIL);
    const changed = await saveDefaults(relay, {});
    expect(changed.status).toBe(200);
    const done = await relay.ended(created.id);
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.report?.users).toMatchObject({
      read: 10,
      removed: { opt_out: 0, opt_in: 6, email_unsubscribed: 0, ad_tracking: 0 },
      eligible: 4,
    });
  });

  it("let the export's own choices win over the defaults", async () => {
    const relay = await start();
    await saveDefaults(relay, OPT_IN_ONLY);
    const created = await relay.exportFile(CSV, {
      ...EMAIL,
      // Only what it changes: the defaults' opt-out (none) still holds.
      consent: { optInAttribute: null },
    });
    const done = await relay.ended(created.id);
    expect(done.report?.users).toMatchObject({
      read: 10,
      removed: { opt_out: 0, opt_in: 0, email_unsubscribed: 0, ad_tracking: 0 },
      eligible: 10,
    });
  });
});
