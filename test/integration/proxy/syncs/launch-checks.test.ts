import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AUDIENCES,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { launchCheckResponse } from '../../../../shared/relay-api/syncs.ts';
import { READY_SYNC, useSyncRelay } from './sync-harness.ts';

const start = useSyncRelay();

const existing = (facebookAudienceId: string) => ({
  ...READY_SYNC,
  audience: { kind: 'existing', facebookAudienceId },
});

/** The codes and fields of a check's refusals (or warnings). */
const reasons = (list: { code: string; field?: string }[]) =>
  list.map(({ code, field }) => ({ code, field }));

describe('launch checks', () => {
  it('passes a complete sync, and launch-check never launches', async () => {
    const relay = await start();
    const draft = await relay.createSync();
    const check = await relay.launchCheck(draft.id);
    expect(launchCheckResponse.parse(check)).toEqual({ ok: true, refusals: [], warnings: [] });
    expect((await relay.getSync(draft.id)).status).toBe('draft');
  });

  it('names every missing setting at once, and launch refuses with them (422)', async () => {
    const relay = await start();
    const draft = await relay.createSync({ name: 'Empty' });
    const check = await relay.launchCheck(draft.id);
    expect(check.ok).toBe(false);
    expect(reasons(check.refusals)).toEqual([
      { code: 'sync_ad_account_missing', field: 'adAccountId' },
      { code: 'sync_audience_missing', field: 'audience' },
      { code: 'sync_fields_missing', field: 'fields' },
    ]);
    const response = await relay.post(draft.id, 'launch');
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('sync_launch_refused');
    expect(error.refusals).toEqual(check.refusals);
    expect(error.warnings).toEqual([]);
    expect((await relay.getSync(draft.id)).status).toBe('draft');
  });

  it('refuses without a Facebook connection', async () => {
    const relay = await start();
    const other = await relay.workspaceWithUsers('Not connected');
    const draft = await relay.createSync(READY_SYNC, other.adminToken);
    const response = await relay.call(`/v1/syncs/${draft.id}/launch-check`, {
      token: other.adminToken,
    });
    expect(reasons((await response.json()).refusals)).toEqual([
      { code: 'facebook_not_connected', field: undefined },
    ]);
  });

  it('refuses when Facebook no longer accepts the token', async () => {
    const relay = await start();
    const draft = await relay.createSync();
    const stored = await relay.relay.facebook.tokens.get(relay.workspace.id, 'user');
    await relay.control.invalidateToken(stored?.token ?? '', 'password_changed');
    const check = await relay.launchCheck(draft.id);
    expect(reasons(check.refusals)).toEqual([
      { code: 'facebook_token_password_changed', field: undefined },
    ]);
    // Then from the recorded reason, without asking Facebook again.
    expect(reasons((await relay.launchCheck(draft.id)).refusals)).toEqual(reasons(check.refusals));
  });

  it('refuses an ad account the token cannot see, or without the Custom Audience terms', async () => {
    const relay = await start();
    const unseen = await relay.createSync({ ...READY_SYNC, adAccountId: '999000111' });
    expect(reasons((await relay.launchCheck(unseen.id)).refusals)).toEqual([
      { code: 'facebook_ad_account_not_visible', field: 'adAccountId' },
    ]);
    const noTerms = await relay.createSync({
      ...READY_SYNC,
      adAccountId: DEMO_NO_TOS_AD_ACCOUNT_ID,
    });
    const [terms] = (await relay.launchCheck(noTerms.id)).refusals;
    expect(terms).toMatchObject({
      code: 'facebook_custom_audience_terms_not_accepted',
      field: 'adAccountId',
    });
    expect(terms?.message).toContain(DEMO_NO_TOS_AD_ACCOUNT_ID);
  });

  it('refuses a new audience where the ad account holds 500, but not an existing one', async () => {
    const relay = await start();
    const held = (await relay.control.state()).audiences.filter(
      (audience) => audience.accountId === DEMO_AD_ACCOUNT_ID && audience.subtype === 'CUSTOM',
    ).length;
    for (let made = held; made < 500; made += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, 500 - made) }, (_, index) =>
          relay.control.createAudience({
            accountId: DEMO_AD_ACCOUNT_ID,
            name: `Filler ${made + index}`,
          }),
        ),
      );
    }
    const fresh = await relay.createSync();
    const [limit] = (await relay.launchCheck(fresh.id)).refusals;
    expect(limit).toMatchObject({ code: 'facebook_audience_limit_reached', field: 'audience' });
    expect(limit?.message).toContain('500');
    const onto = await relay.createSync(existing(DEMO_AUDIENCES.newsletter));
    expect((await relay.launchCheck(onto.id)).ok).toBe(true);
  });

  it('refuses existing audiences that are value-based, flagged, not editable or gone', async () => {
    const relay = await start();
    const viewOnly = await relay.viewOnlyAudience();
    const deleted = await relay.control.createAudience({
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Gone',
    });
    await relay.control.deleteAudience(deleted.id);
    const cases = [
      [existing(DEMO_AUDIENCES.valueBased), 'facebook_value_based_audience_not_supported'],
      [existing(DEMO_AUDIENCES.flagged), 'facebook_audience_integrity_flagged'],
      [
        { ...existing(viewOnly.audienceId), adAccountId: viewOnly.adAccountId },
        'facebook_audience_not_editable',
      ],
      [existing(deleted.id), 'facebook_audience_not_found'],
    ] as const;
    for (const [body, code] of cases) {
      const draft = await relay.createSync(body);
      const check = await relay.launchCheck(draft.id);
      expect(reasons(check.refusals), code).toEqual([{ code, field: 'audience' }]);
    }
    const valueBased = await relay.createSync(existing(DEMO_AUDIENCES.valueBased));
    const [refusal] = (await relay.launchCheck(valueBased.id)).refusals;
    // The reference's workaround, in the message itself.
    expect(refusal?.message).toContain('without the Value column');
  });

  it('warns, but launches, a remove-sync on an audience under about 1,000 people', async () => {
    const relay = await start();
    const small = await relay.createSync({
      ...existing(DEMO_AUDIENCES.lapsed),
      action: 'remove',
    });
    const check = await relay.launchCheck(small.id);
    expect(check.ok).toBe(true);
    expect(reasons(check.warnings)).toEqual([
      { code: 'facebook_audience_too_small', field: 'action' },
    ]);
    expect(check.warnings[0]?.message).toMatch(/1,000/);
    expect((await relay.launch(small.id)).status).toBe('active');

    const adding = await relay.createSync(existing(DEMO_AUDIENCES.lapsed));
    expect((await relay.launchCheck(adding.id)).warnings).toEqual([]);
    const large = await relay.createSync({
      ...existing(DEMO_AUDIENCES.newsletter),
      action: 'remove',
    });
    expect((await relay.launchCheck(large.id)).warnings).toEqual([]);
    const removeFromNew = await relay.createSync({ ...READY_SYNC, action: 'remove' });
    expect(reasons((await relay.launchCheck(removeFromNew.id)).warnings)).toEqual([
      { code: 'facebook_audience_too_small', field: 'action' },
    ]);
  });

  it('returns refusals with warnings when launch is refused', async () => {
    const relay = await start();
    const draft = await relay.createSync({
      ...existing(DEMO_AUDIENCES.lapsed),
      action: 'remove',
      fields: undefined,
    });
    const response = await relay.post(draft.id, 'launch');
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(reasons(error.refusals)).toEqual([{ code: 'sync_fields_missing', field: 'fields' }]);
    expect(reasons(error.warnings)).toEqual([
      { code: 'facebook_audience_too_small', field: 'action' },
    ]);
  });

  it('answers an outage at Facebook as an error to retry, not as a refusal', async () => {
    const relay = await start();
    const draft = await relay.createSync();
    await relay.control.addFault({ kind: 'transient', path: 'adaccounts', times: 20 });
    const response = await relay.call(`/v1/syncs/${draft.id}/launch-check`, {
      token: relay.token,
    });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('facebook_transient');
  });
});
