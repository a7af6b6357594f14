import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AUDIENCES,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { syncView } from '../../../../shared/relay-api/syncs.ts';
import { errorCode } from '../support/test-relay.ts';
import { READY_SYNC, useSyncRelay } from './sync-harness.ts';

const start = useSyncRelay();

describe('a sync from draft to deletion', () => {
  it('creates a draft with an unguessable id and an ingest URL on the request origin', async () => {
    const relay = await start();
    const draft = await relay.createSync({ name: 'Only a name' });
    expect(syncView.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({
      name: 'Only a name',
      status: 'draft',
      action: 'add',
      adAccountId: null,
      audience: null,
      fields: [],
      launchedAt: null,
      counts: { entered: 0, synced: 0, notSynced: 0, pending: 0, errored: 0 },
    });
    expect(draft.id).toMatch(/^sync_[\w-]{22}$/);
    expect(draft.ingestUrl).toBe(`${relay.url}/v1/ingest/${draft.id}`);
    const other = await relay.createSync({ name: 'Another' });
    expect(other.id).not.toBe(draft.id);
    const list = await (await relay.call('/v1/syncs', { token: relay.token })).json();
    expect(list.syncs.map((sync: { id: string }) => sync.id)).toEqual([draft.id, other.id]);
  });

  it('builds ingest URLs on RELAY_PUBLIC_URL when set', async () => {
    const relay = await start({ env: { RELAY_PUBLIC_URL: 'https://relay.example.com/' } });
    const draft = await relay.createSync();
    expect(draft.ingestUrl).toBe(`https://relay.example.com/v1/ingest/${draft.id}`);
  });

  it('lets a draft change anything, and names what a launched sync may not change', async () => {
    const relay = await start();
    const draft = await relay.createSync({ name: 'Draft' });
    const patch = (id: string, body: object) =>
      relay.call(`/v1/syncs/${id}`, { method: 'PATCH', token: relay.token, body });
    const edited = await (
      await relay.expectStatus(
        patch(draft.id, {
          adAccountId: `act_${DEMO_AD_ACCOUNT_ID}`,
          audience: { kind: 'existing', facebookAudienceId: DEMO_AUDIENCES.newsletter },
          action: 'remove',
          fields: ['EMAIL', 'PHONE'],
          consent: { optInAttribute: 'ads_ok' },
          defaultCountry: 'US',
        }),
        200,
      )
    ).json();
    expect(edited).toMatchObject({
      adAccountId: DEMO_AD_ACCOUNT_ID,
      audience: { kind: 'existing', facebookAudienceId: DEMO_AUDIENCES.newsletter, name: null },
      action: 'remove',
      fields: ['EMAIL', 'PHONE'],
      consent: { optInAttribute: 'ads_ok' },
      defaultCountry: 'US',
    });

    const launched = await relay.launch(draft.id);
    for (const locked of [
      { fields: ['EMAIL'] },
      { action: 'add' },
      { adAccountId: DEMO_NO_TOS_AD_ACCOUNT_ID },
      { audience: { kind: 'new', name: 'Elsewhere' } },
    ]) {
      const refused = await patch(draft.id, locked);
      expect(refused.status).toBe(409);
      const body = await refused.json();
      expect(body.error.code).toBe('sync_not_editable');
      expect(body.error.fields).toEqual(expect.arrayContaining([Object.keys(locked)[0]]));
    }
    // The whole form sent back unchanged is fine; the open settings change.
    const renamed = await (
      await relay.expectStatus(
        patch(draft.id, {
          name: 'Renamed',
          fields: ['PHONE', 'EMAIL'].reverse(),
          action: 'remove',
          adAccountId: DEMO_AD_ACCOUNT_ID,
          consent: { excludeEmailUnsubscribed: true },
          defaultCountry: 'FR',
        }),
        200,
      )
    ).json();
    expect(renamed).toMatchObject({
      name: 'Renamed',
      status: 'active',
      fields: ['EMAIL', 'PHONE'],
      consent: { excludeEmailUnsubscribed: true },
      defaultCountry: 'FR',
      audience: launched.audience,
    });
  });

  it('refuses invalid settings field by field', async () => {
    const relay = await start();
    const response = await relay.call('/v1/syncs', {
      method: 'POST',
      token: relay.token,
      body: { name: '', fields: ['EMAIL', 'EMAIL'], adAccountId: 'act_x' },
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'adAccountId',
      'fields',
      'name',
    ]);
  });

  it('launches a new audience on Facebook, once, and keeps its id', async () => {
    const relay = await start();
    const draft = await relay.createSync();
    expect(draft.audience).toMatchObject({ kind: 'new', facebookAudienceId: null });
    const launched = await relay.launch(draft.id);
    expect(launched).toMatchObject({ status: 'active', error: null });
    expect(launched.launchedAt).toBe(relay.clock.now().toISOString());
    const audienceId = launched.audience?.facebookAudienceId ?? '';
    expect(launched.audience?.adsManagerUrl).toContain(audienceId);
    const created = (await relay.control.state()).audiences.filter(
      (audience) => audience.name === READY_SYNC.audience.name,
    );
    expect(created).toEqual([
      expect.objectContaining({ id: audienceId, accountId: DEMO_AD_ACCOUNT_ID, subtype: 'CUSTOM' }),
    ]);
    // Launching again changes nothing and creates nothing.
    expect(await relay.launch(draft.id)).toEqual(launched);
    expect(
      (await relay.control.state()).audiences.filter(
        (audience) => audience.name === READY_SYNC.audience.name,
      ),
    ).toHaveLength(1);
  });

  it('adopts the audience a lost launch answer left behind instead of creating a second one', async () => {
    const relay = await start();
    // Meta creates the audience, then the connection drops before its answer arrives.
    await relay.control.addFault({ kind: 'drop-after', method: 'POST', path: '/customaudiences$' });
    const draft = await relay.createSync(READY_SYNC);
    const lost = await relay.post(draft.id, 'launch');
    expect(lost.status).toBeGreaterThanOrEqual(500);
    expect((await relay.getSync(draft.id)).status).toBe('draft');
    const named = async () =>
      (await relay.control.state()).audiences.filter(
        (audience) => audience.name === READY_SYNC.audience.name && !audience.deleted,
      );
    const [stray, ...others] = await named();
    expect(stray).toBeDefined();
    expect(others).toEqual([]);

    const launched = await relay.launch(draft.id);
    expect(launched.audience?.facebookAudienceId).toBe(stray?.id);
    expect(await named()).toHaveLength(1);
  });

  it('launches onto an existing audience without creating one', async () => {
    const relay = await start();
    const before = (await relay.control.state()).audiences.length;
    const sync = await relay.launch(
      (
        await relay.createSync({
          ...READY_SYNC,
          audience: { kind: 'existing', facebookAudienceId: DEMO_AUDIENCES.newsletter },
        })
      ).id,
    );
    expect(sync.audience).toMatchObject({
      kind: 'existing',
      facebookAudienceId: DEMO_AUDIENCES.newsletter,
    });
    expect((await relay.control.state()).audiences).toHaveLength(before);
  });

  it('pauses (ingest refused, 409) and resumes; a draft neither pauses nor resumes', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const paused = await (await relay.expectStatus(relay.post(sync.id, 'pause'), 200)).json();
    expect(paused.status).toBe('paused');
    const refused = await relay.ingest(sync.ingestUrl, { email: 'a@example.com' }, secret);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatchObject({
      code: 'sync_not_active',
      status: 'paused',
    });
    // Delivery had been failing before the pause: resuming starts a fresh retry window.
    const store = relay.relay.services.store.syncs;
    const failing = { failingSince: relay.clock.now(), retryAfter: relay.clock.now() };
    await store.update(relay.workspace.id, sync.id, failing, relay.clock.now());
    const resumed = await (await relay.expectStatus(relay.post(sync.id, 'resume'), 200)).json();
    expect(resumed.status).toBe('active');
    expect(await store.get(relay.workspace.id, sync.id)).toMatchObject({
      failingSince: null,
      retryAfter: null,
    });
    expect((await relay.ingest(sync.ingestUrl, { email: 'a@example.com' }, secret)).status).toBe(
      202,
    );

    const draft = await relay.createSync({ name: 'Draft' });
    for (const action of ['pause', 'resume']) {
      const response = await relay.post(draft.id, action);
      expect(response.status).toBe(409);
      expect(await errorCode(response)).toBe('sync_not_active');
    }
  });

  it('resumes an errored sync only once its cause is fixed, clearing the error', async () => {
    const relay = await start();
    const { sync } = await relay.activeSync();
    // What the delivery loop records when Meta refuses for want of the terms.
    await relay.relay.services.store.syncs.update(
      relay.workspace.id,
      sync.id,
      {
        status: 'errored',
        error: { code: 'facebook_custom_audience_terms_not_accepted', message: 'Terms.' },
      },
      relay.clock.now(),
    );
    await relay.control.updateAdAccount(DEMO_AD_ACCOUNT_ID, { tosAccepted: false });
    const refused = await relay.post(sync.id, 'resume');
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.refusals).toEqual([
      expect.objectContaining({
        code: 'facebook_custom_audience_terms_not_accepted',
        field: 'adAccountId',
      }),
    ]);
    expect((await relay.getSync(sync.id)).status).toBe('errored');

    await relay.control.updateAdAccount(DEMO_AD_ACCOUNT_ID, { tosAccepted: true });
    const resumed = await (await relay.expectStatus(relay.post(sync.id, 'resume'), 200)).json();
    expect(resumed).toMatchObject({ status: 'active', error: null });
  });

  it('deletes a sync with its secret: gone from the list, its ingest URL refused', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    await relay.expectStatus(
      relay.call(`/v1/syncs/${sync.id}`, { method: 'DELETE', token: relay.token }),
      204,
    );
    expect((await relay.call(`/v1/syncs/${sync.id}`, { token: relay.token })).status).toBe(404);
    expect(
      await relay.relay.services.secrets.get(relay.workspace.id, `sync-ingest:${sync.id}`),
    ).toBeUndefined();
    const ingest = await relay.ingest(sync.ingestUrl, { email: 'a@example.com' }, secret);
    expect(ingest.status).toBe(401);
    const again = await relay.call(`/v1/syncs/${sync.id}`, {
      method: 'DELETE',
      token: relay.token,
    });
    expect(again.status).toBe(404);
  });

  it('reports totals, pending and per-minute series for the hours asked', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const users = [{ email: 'a@example.com' }, { email: 'b@example.com' }, { phone: '+1 415' }];
    await relay.expectStatus(relay.ingest(sync.ingestUrl, users, secret), 202);
    const minute = new Date(Math.floor(relay.clock.now().getTime() / 60_000) * 60_000);
    const metrics = await (
      await relay.expectStatus(
        relay.call(`/v1/syncs/${sync.id}/metrics?hours=2`, { token: relay.token }),
        200,
      )
    ).json();
    expect(metrics).toEqual({
      counts: { entered: 3, synced: 0, notSynced: 1, pending: 2, errored: 0 },
      series: [{ minute: minute.toISOString(), entered: 3, synced: 0, notSynced: 1, errored: 0 }],
      from: new Date(relay.clock.now().getTime() - 2 * 3_600_000).toISOString(),
      to: relay.clock.now().toISOString(),
    });
    expect((await relay.getSync(sync.id)).counts).toEqual(metrics.counts);
    relay.clock.advance(3 * 3_600_000);
    // Sessions last 15 minutes: a fresh one.
    const token = await relay.sessionFor(relay.adminKey.apiKey);
    const later = await (
      await relay.expectStatus(relay.call(`/v1/syncs/${sync.id}/metrics?hours=1`, { token }), 200)
    ).json();
    expect(later).toMatchObject({ counts: metrics.counts, series: [] });
    for (const hours of ['0', '49', 'six']) {
      const response = await relay.call(`/v1/syncs/${sync.id}/metrics?hours=${hours}`, {
        token,
      });
      expect(response.status).toBe(400);
    }
  });
});
