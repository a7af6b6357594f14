import { describe, expect, it } from 'vitest';
import {
  DEMO_SYSTEM_USER_ID,
  DEMO_SYSTEM_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { connectSystemUser, emailHash, emails, useDeliveryRelay } from './delivery-harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const startRelay = useDeliveryRelay();

const hashes = (addresses: string[]) => addresses.map((email) => [emailHash(email)]);

describe('sync delivery against the Graph emulator', () => {
  it('adds queued users to the audience, counting each once Meta acknowledged it', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, emails(3));
    await r.deliver();

    expect((await r.audienceRows()).sort()).toEqual(hashes(emails(3)).sort());
    expect(await r.syncOf(id)).toMatchObject({
      status: 'active',
      pending: 0,
      counts: { entered: 3, synced: 3, errored: 0 },
    });
    const [upload] = await r.answeredUploads();
    expect(upload).toMatchObject({
      method: 'POST',
      path: expect.stringMatching(`/${r.audience.id}/users$`),
    });
    expect(upload?.params).toMatchObject({
      payload: { schema: 'EMAIL_SHA256' },
      session: { batch_seq: 1, last_batch_flag: true },
    });
  });

  it('sends a user who arrives again again', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, ['dana@example.com']);
    await r.deliver();
    await r.enqueue(id, ['dana@example.com']);
    await r.deliver();

    const uploads = await r.answeredUploads();
    expect(uploads).toHaveLength(2);
    for (const upload of uploads) {
      expect((upload.params.payload as { data: string[][] }).data).toEqual(
        hashes(['dana@example.com']),
      );
    }
    expect((await r.syncOf(id)).counts).toMatchObject({ entered: 2, synced: 2 });
    expect(await r.audienceRows()).toEqual(hashes(['dana@example.com']));
  });

  it('removes users with a remove-sync', async () => {
    const r = await startRelay({ members: 1500 });
    const add = await r.createSync({ id: 'adds' });
    const remove = await r.createSync({ id: 'removes', action: 'remove' });
    await r.enqueue(add, emails(3));
    await r.deliver();
    const before = (await r.control.audienceRows(r.audience.id)).count;

    await r.enqueue(remove, emails(2));
    await r.deliver();
    const uploads = await r.answeredUploads();
    expect(uploads.at(-1)?.method).toBe('DELETE');
    expect((await r.control.audienceRows(r.audience.id)).count).toBe(before - 2);
    const rows = await r.audienceRows();
    for (const row of hashes(emails(2))) expect(rows).not.toContainEqual(row);
    expect(rows).toContainEqual(hashes(emails(3))[2]);
    expect((await r.syncOf(remove)).counts.synced).toBe(2);
  });

  it('keeps retrying a removal while the audience is under 1,000 people', async () => {
    const r = await startRelay({ members: 10 });
    const id = await r.createSync({ action: 'remove' });
    await r.enqueue(id, emails(1));
    await r.deliver();
    const sync = await r.syncOf(id);
    expect(sync).toMatchObject({ status: 'active', pending: 1, error: null });
    expect(sync.retryAfter?.getTime()).toBeGreaterThan(r.clock.now().getTime());
  });

  it('waits out a throttle for as long as Meta says, then delivers', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, emails(2));
    await r.control.addFault({ kind: 'throttle', path: '/users$', minutes: 7 });
    const throttledAt = r.clock.now().getTime();
    await r.deliver();

    const waiting = await r.syncOf(id);
    expect(waiting).toMatchObject({ status: 'active', pending: 2, error: null });
    expect(waiting.failingSince?.getTime()).toBe(throttledAt);
    expect(waiting.retryAfter?.getTime()).toBeGreaterThanOrEqual(throttledAt + 7 * MINUTE);

    await r.deliver(); // not due yet: no call
    expect(await r.control.requests({ path: '/users$' })).toHaveLength(1);

    r.clock.advance((waiting.retryAfter?.getTime() ?? 0) - r.clock.now().getTime());
    await r.deliver();
    expect(await r.syncOf(id)).toMatchObject({
      pending: 0,
      failingSince: null,
      retryAfter: null,
      counts: { synced: 2 },
    });
    expect((await r.audienceRows()).sort()).toEqual(hashes(emails(2)).sort());
  });

  it('gives up, as errored, the users Facebook kept refusing for 13 hours', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, emails(2));
    await r.control.addFault({ kind: 'http500', path: '/users$', times: 10_000 });
    await r.deliver();
    r.clock.advance(HOUR);
    await r.enqueue(id, emails(1, 2)); // an hour into the failures
    for (let attempts = 0; (await r.syncOf(id)).counts.errored === 0; attempts++) {
      expect(attempts, 'waits never shorter than 2.5 s nor longer than 15 min').toBeLessThan(400);
      await r.deliver();
      const { retryAfter } = await r.syncOf(id);
      r.clock.advance(Math.max(0, (retryAfter?.getTime() ?? 0) - r.clock.now().getTime()));
    }
    const afterWindow = await r.syncOf(id);
    expect(afterWindow).toMatchObject({ status: 'active', pending: 1, counts: { errored: 2 } });
    expect(r.clock.now().getTime() - (afterWindow.failingSince?.getTime() ?? 0)).toBeGreaterThan(
      13 * HOUR,
    );

    await r.control.clearFaults();
    r.clock.advance(15 * MINUTE);
    await r.deliver();
    expect(await r.syncOf(id)).toMatchObject({ pending: 0, counts: { synced: 1, errored: 2 } });
    expect(await r.audienceRows()).toEqual(hashes(emails(1, 2)));
  });

  it('stops as errored when the token is revoked mid-sync, and delivers the queue once reconnected and resumed', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, emails(2));
    await r.deliver();
    await r.enqueue(id, emails(3, 2));
    await r.control.invalidateToken(DEMO_SYSTEM_USER_TOKEN, 'revoked');
    await r.deliver();
    const errored = await r.syncOf(id);
    expect(errored).toMatchObject({ status: 'errored', pending: 3, counts: { synced: 2 } });
    expect(errored.error?.code).toMatch(/^facebook_token_/);
    await r.deliver(); // errored syncs are left alone
    expect((await r.syncOf(id)).pending).toBe(3);

    const fresh = await r.control.issueToken({ personId: DEMO_SYSTEM_USER_ID, lifetime: 'never' });
    await connectSystemUser(r.call, r.adminToken, fresh.token);
    // What resume does (sync-manage's route): active again, the error cleared.
    await r.syncs.update(r.workspaceId, id, { status: 'active', error: null }, r.clock.now());
    await r.deliver();
    expect(await r.syncOf(id)).toMatchObject({
      status: 'active',
      pending: 0,
      counts: { synced: 5 },
    });
    expect((await r.audienceRows()).sort()).toEqual(hashes(emails(5)).sort());
  });

  it('stops as errored when the audience is deleted mid-sync, keeping the queue', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, emails(1));
    await r.deliver();
    await r.control.deleteAudience(r.audience.id);
    await r.enqueue(id, emails(2, 1));
    await r.deliver();
    expect(await r.syncOf(id)).toMatchObject({
      status: 'errored',
      error: { code: 'facebook_audience_not_found' },
      pending: 2,
      counts: { synced: 1, errored: 0 },
    });
  });

  it('reports delivery in /metrics without ids, hashes or secrets', async () => {
    const r = await startRelay();
    const id = await r.createSync();
    await r.enqueue(id, emails(3));
    await r.control.addFault({ kind: 'throttle', path: '/users$', minutes: 1 });
    await r.deliver();
    const waiting = await (await r.call('/metrics')).text();
    expect(waiting).toContain('relay_sync_queue_users 3\n');
    expect(waiting).toContain('relay_facebook_errors_total{class="throttled"} 1\n');

    r.clock.advance(2 * MINUTE);
    await r.deliver();
    const response = await r.call('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('relay_sync_queue_users 0\n');
    expect(text).toContain('relay_syncs_active 1\n');
    expect(text).toContain('relay_sync_batches_sent_total{action="add"} 1\n');
    expect(text).toContain('relay_sync_users_synced_total 3\n');
    expect(text).toMatch(
      /relay_http_request_duration_seconds_count\{route="\/v1\/facebook\/system-user-token",method="PUT",status="2xx"\} 1\n/,
    );
    for (const secret of [
      id,
      r.workspaceId,
      r.audience.id,
      emailHash(emails(1)[0] ?? ''),
      r.adminToken,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
