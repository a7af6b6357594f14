import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import { MAX_INGEST_USERS } from '../../../../shared/relay-api/syncs.ts';
import { errorCode } from '../support/test-relay.ts';
import { READY_SYNC, useSyncRelay } from './sync-harness.ts';

const start = useSyncRelay();

const email = (raw: string) => matchKeyValue('EMAIL', raw);
const phone = (raw: string, defaultCountry?: string) =>
  matchKeyValue('PHONE', raw, defaultCountry ? { defaultCountry } : {});

describe('ingest authentication', () => {
  it("takes only the sync's own current secret, and says nothing of which ids exist", async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const other = await relay.activeSync({ ...READY_SYNC, name: 'Other' });
    expect(secret).toMatch(/^arsync_[\w-]{43}$/);
    const user = { email: 'jane@example.com' };
    const refused = [
      await relay.ingest(sync.ingestUrl, user, undefined),
      await relay.ingest(sync.ingestUrl, user, 'arsync_wrong'),
      await relay.ingest(sync.ingestUrl, user, other.secret),
      await relay.ingest(sync.ingestUrl, user, relay.token),
      await relay.ingest(sync.ingestUrl, user, secret, { authorization: `Basic ${secret}` }),
      await relay.ingest(`${relay.url}/v1/ingest/sync_doesnotexist`, user, secret),
    ];
    const bodies = await Promise.all(refused.map((response) => response.json()));
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(new Set(bodies.map((body) => `${body.error.code}: ${body.error.message}`)).size).toBe(1);
    expect(bodies[0].error.code).toBe('ingest_unauthorized');
    expect((await relay.ingest(sync.ingestUrl, user, secret)).status).toBe(202);
    expect((await relay.getSync(sync.id)).counts.entered).toBe(1);
  });

  it('refuses the old secret at once after a rotation', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const rotated = await (
      await relay.expectStatus(relay.post(sync.id, 'secret/rotate'), 200)
    ).json();
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.rotatedAt).toBe(relay.clock.now().toISOString());
    expect(await relay.secretOf(sync.id)).toBe(rotated.secret);
    const user = { email: 'jane@example.com' };
    expect(await errorCode(await relay.ingest(sync.ingestUrl, user, secret))).toBe(
      'ingest_unauthorized',
    );
    expect((await relay.ingest(sync.ingestUrl, user, rotated.secret)).status).toBe(202);
  });

  it('shows and rotates secrets for admins only', async () => {
    const relay = await start();
    const { sync } = await relay.activeSync();
    const asMarketer = await relay.call(`/v1/syncs/${sync.id}/secret`, {
      token: relay.marketerToken,
    });
    expect(asMarketer.status).toBe(403);
    expect((await relay.post(sync.id, 'secret/rotate', relay.marketerToken)).status).toBe(403);
    // A marketer still runs syncs.
    expect((await relay.post(sync.id, 'pause', relay.marketerToken)).status).toBe(200);
  });

  it('refuses users for a sync that is not active (409), after checking the secret', async () => {
    const relay = await start();
    const draft = await relay.createSync();
    const secret = await relay.secretOf(draft.id);
    const response = await relay.ingest(draft.ingestUrl, { email: 'jane@example.com' }, secret);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({
      code: 'sync_not_active',
      status: 'draft',
    });
    expect(await relay.relay.services.store.syncs.pendingCount(draft.id)).toBe(0);
    // A stranger learns nothing, not even the sync's status.
    expect((await relay.ingest(draft.ingestUrl, {}, 'arsync_wrong')).status).toBe(401);
  });
});

describe('ingest bodies', () => {
  it('names each problem at its path, and queues nothing from a refused body', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const invalid = async (body: unknown) => {
      const response = await relay.ingest(sync.ingestUrl, body, secret);
      expect(response.status).toBe(400);
      return (await response.json()).error;
    };
    const error = await invalid([
      { email: 'fine@example.com' },
      { email: 5 },
      { devices: 'iPhone' },
      { devices: [{ ad_tracking_enabled: 'yes' }] },
    ]);
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((field: { path: string }) => field.path)).toEqual([
      '1.email',
      '2.devices',
      '3.devices.0.ad_tracking_enabled',
    ]);
    expect((await invalid([])).fields[0].path).toBe('');
    expect((await invalid('"jane@example.com"')).fields[0].path).toBe('');
    expect((await invalid({ email: ['a', 'b'] })).fields[0].path).toBe('email');
    const tooMany = await invalid(
      Array.from({ length: MAX_INGEST_USERS + 1 }, () => ({ email: 'a@b.co' })),
    );
    expect(tooMany.message).toContain(`at most ${MAX_INGEST_USERS} users`);
    const malformed = await relay.ingest(sync.ingestUrl, '{"email": ', secret);
    expect(await errorCode(malformed)).toBe('malformed_json');
    const asText = await relay.ingest(sync.ingestUrl, '{}', secret, {
      'content-type': 'text/plain',
    });
    expect(asText.status).toBe(415);
    expect((await relay.getSync(sync.id)).counts).toMatchObject({ entered: 0, pending: 0 });
  });

  it('refuses a body over RELAY_INGEST_BODY_LIMIT with 413', async () => {
    const relay = await start({ env: { RELAY_INGEST_BODY_LIMIT: '4kb' } });
    const { sync, secret } = await relay.activeSync();
    const users = Array.from({ length: 200 }, (_, index) => ({
      email: `user${index}@example.com`,
    }));
    expect(JSON.stringify(users).length).toBeGreaterThan(4096);
    const response = await relay.ingest(sync.ingestUrl, users, secret);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({
      code: 'payload_too_large',
      limitBytes: 4096,
    });
    expect((await relay.ingest(sync.ingestUrl, users.slice(0, 10), secret)).status).toBe(202);
  });
});

describe('hashing on arrival', () => {
  it('queues one single-key row per user with a usable email; the rest are not usable', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const response = await relay.ingest(
      sync.ingestUrl,
      [
        { email: ' Jane.Doe@Example.com ', first_name: 'Jane', external_id: 'A1' },
        { phone: '+14155550100' },
        { email: 'not an email' },
        { email: 'opted.out@example.com', custom_attributes: { do_not_sell_or_share: true } },
        { email: 'joe@example.com', unknown_field: { anything: 1 } },
      ],
      secret,
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 2, notUsable: 3 });
    const queued = await relay.relay.services.store.syncs.peekBatch(sync.id, 10_000);
    expect(queued.map((user) => user.rows)).toEqual([
      [[email('Jane.Doe@Example.com')]],
      [[email('joe@example.com')]],
    ]);
    expect((await relay.getSync(sync.id)).counts).toEqual({
      entered: 5,
      synced: 0,
      notSynced: 3,
      pending: 2,
      errored: 0,
    });
  });

  it('queues one multi-key row per user, any usable field enough (OR), one object alone too', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync({
      ...READY_SYNC,
      fields: ['PHONE', 'EMAIL'],
      defaultCountry: 'GB',
    });
    const users = [
      { email: 'jane@example.com', phone: '(415) 555-0100', country: 'US' },
      { phone: '020 7183 8750' },
      { email: 'only@example.com', phone: 'n/a' },
    ];
    expect(await (await relay.ingest(sync.ingestUrl, users, secret)).json()).toEqual({
      accepted: 3,
      notUsable: 0,
    });
    expect(
      await (await relay.ingest(sync.ingestUrl, { first_name: 'No keys' }, secret)).json(),
    ).toEqual({ accepted: 0, notUsable: 1 });
    const queued = await relay.relay.services.store.syncs.peekBatch(sync.id, 10_000);
    // Columns in the multi-key schema's order (EMAIL before PHONE), whatever order was chosen.
    expect(queued.map((user) => user.rows)).toEqual([
      [[email('jane@example.com'), phone('(415) 555-0100', 'US')]],
      [['', phone('020 7183 8750', 'GB')]],
      [[email('only@example.com'), '']],
    ]);
  });

  it('queues one advertiser-ID row per tracked device; untracked IDs are withheld', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync({ ...READY_SYNC, fields: ['MADID'] });
    const idfa = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
    const gaid = '38400000-8cf0-11bd-b23e-10b96e40000d';
    const response = await relay.ingest(
      sync.ingestUrl,
      [
        {
          devices: [
            { idfa, ad_tracking_enabled: true },
            { google_ad_id: gaid, ad_tracking_enabled: true },
          ],
        },
        { devices: [{ idfa, ad_tracking_enabled: false }] },
        { devices: [{ google_ad_id: gaid }] },
      ],
      secret,
    );
    expect(await response.json()).toEqual({ accepted: 1, notUsable: 2 });
    const queued = await relay.relay.services.store.syncs.peekBatch(sync.id, 10_000);
    expect(queued.map((user) => user.rows)).toEqual([
      [[matchKeyValue('MADID', idfa)], [matchKeyValue('MADID', gaid)]],
    ]);
  });

  it("applies the sync's consent filters as they are when users arrive", async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync({
      ...READY_SYNC,
      consent: { optInAttribute: 'ads_ok', excludeEmailUnsubscribed: true },
    });
    const users = [
      { email: 'yes@example.com', custom_attributes: { ads_ok: true } },
      { email: 'no@example.com', custom_attributes: { ads_ok: false } },
      {
        email: 'unsub@example.com',
        email_subscribe: 'unsubscribed',
        custom_attributes: { ads_ok: true },
      },
    ];
    expect(await (await relay.ingest(sync.ingestUrl, users, secret)).json()).toEqual({
      accepted: 1,
      notUsable: 2,
    });
    await relay.expectStatus(
      relay.call(`/v1/syncs/${sync.id}`, {
        method: 'PATCH',
        token: relay.token,
        body: { consent: { optInAttribute: null, excludeEmailUnsubscribed: false } },
      }),
      200,
    );
    expect(await (await relay.ingest(sync.ingestUrl, users, secret)).json()).toEqual({
      accepted: 3,
      notUsable: 0,
    });
  });

  it('keeps no clear personal data anywhere in the data directory', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync({ ...READY_SYNC, fields: ['EMAIL', 'FN'] });
    const clear = ['Zebulon.Quartermain@Example.org', 'Zebulon'];
    await relay.expectStatus(
      relay.ingest(sync.ingestUrl, { email: clear[0], first_name: clear[1] }, secret),
      202,
    );
    const files = readdirSync(relay.dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1').toLowerCase();
      for (const value of clear) expect(bytes, file).not.toContain(value.toLowerCase());
    }
    expect(relay.logLines.join('\n').toLowerCase()).not.toContain('zebulon');
    expect(relay.logLines.join('\n')).not.toContain(secret);
  });
});
