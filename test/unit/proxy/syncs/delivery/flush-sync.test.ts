import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../../../proxy/facebook/graph/graph-error.ts';
import { encodeJson } from '../../../../../proxy/facebook/graph/raw-json.ts';
import { ApiError } from '../../../../../proxy/http/api-error.ts';
import { MINUTE } from '../../../../support/manual-clock.ts';
import { hashedUser } from '../../../../support/sync-records.ts';
import { flushFixture } from './flush-fixture.ts';

const HOUR = 60 * MINUTE;
const graphError = (code: number, subcode?: number) =>
  new GraphError({ code, subcode, message: `(#${code}) from the test`, httpStatus: 400 });
const throttled = () => graphError(80003, 2446079);
const transient = () => graphError(2);

type Params = {
  session: { session_id: number; batch_seq: number; last_batch_flag: boolean };
  payload: { schema: unknown; is_raw?: boolean; data: string[][] };
};
/** The parameters as the Graph client sends them (the rows travel as JSON bytes). */
const paramsOf = (call: { params?: unknown }) =>
  JSON.parse(encodeJson(call.params).toString('utf8')) as Params;

describe('a sync flush', () => {
  it('sends the queue oldest first in requests of whole users up to the row limit, acknowledging each', async () => {
    const f = await flushFixture({}, { maxRows: 3 });
    // Users of 1, 2, 1, 1 and 3 rows: batches [u0 u1] (3 rows), [u2 u3] (2, u4 would pass 3), [u4].
    await f.enqueue([
      hashedUser(0),
      hashedUser(1, 2),
      hashedUser(2),
      hashedUser(3),
      hashedUser(4, 3),
    ]);
    await f.flush();

    expect(f.calls.map((call) => [call.method, call.path, call.adAccountId])).toEqual([
      ['POST', '555/users', '123'],
      ['POST', '555/users', '123'],
      ['POST', '555/users', '123'],
    ]);
    expect(f.calls.map((call) => paramsOf(call).payload.data)).toEqual([
      [...hashedUser(0), ...hashedUser(1, 2)],
      [...hashedUser(2), ...hashedUser(3)],
      hashedUser(4, 3),
    ]);
    for (const call of f.calls) {
      expect(paramsOf(call).payload.schema).toBe('EMAIL_SHA256');
      expect(paramsOf(call).session).toMatchObject({ batch_seq: 1, last_batch_flag: true });
      expect(call.encoding).toBe('json');
    }
    // Each request is its own session: a re-send after a crash is never a conflicting batch.
    expect(new Set(f.calls.map((call) => paramsOf(call).session.session_id)).size).toBe(3);
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(0);
    expect((await f.current()).counts).toMatchObject({ entered: 5, synced: 5, errored: 0 });
    expect(f.metrics).toMatchObject({ batches: ['add', 'add', 'add'], synced: 5 });
  });

  it('sends at most 10,000 rows a request by default', async () => {
    const f = await flushFixture();
    await f.enqueue(Array.from({ length: 10_001 }, (_, n) => hashedUser(n)));
    await f.flush();
    expect(f.calls.map((call) => paramsOf(call).payload.data.length)).toEqual([10_000, 1]);
  });

  it('leaves users who arrive during a flush for the next one', async () => {
    const f = await flushFixture({}, { maxRows: 2 });
    await f.enqueue([hashedUser(0), hashedUser(1)]);
    f.during(() => f.enqueue([hashedUser(2)]));
    await f.flush();
    expect(f.calls).toHaveLength(1);
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(1);
    await f.flush();
    expect(paramsOf(f.calls[1] ?? {}).payload.data).toEqual(hashedUser(2));
  });

  it('does nothing with an empty queue', async () => {
    const f = await flushFixture();
    await f.flush();
    expect(f.calls).toEqual([]);
  });

  it('sends several fields as the multi-key schema in MATCH_KEYS order', async () => {
    const f = await flushFixture({ fields: ['PHONE', 'EMAIL'] });
    await f.enqueue([[['e0', 'p0']]]);
    await f.flush();
    expect(paramsOf(f.calls[0] ?? {}).payload).toEqual({
      schema: ['EMAIL', 'PHONE'],
      is_raw: true,
      data: [['e0', 'p0']],
    });
  });

  it('removes with DELETE for a remove-sync', async () => {
    const f = await flushFixture({ action: 'remove' });
    await f.enqueue([hashedUser(0)]);
    await f.flush();
    expect(f.calls[0]?.method).toBe('DELETE');
    expect(f.metrics.batches).toEqual(['remove']);
  });

  it('stops between batches once an admin paused the sync', async () => {
    const f = await flushFixture({}, { maxRows: 1 });
    await f.enqueue([hashedUser(0), hashedUser(1)]);
    f.during(async () => {
      await f.store.syncs.update('ws_a', 'sync_1', { status: 'paused' }, f.clock.now());
    });
    await f.flush();
    expect(f.calls).toHaveLength(1);
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(1);
  });

  it('waits out a throttle until Meta says access returns, keeping the queue', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0)]);
    f.script(throttled());
    f.pause.until = new Date(f.clock.now().getTime() + 19 * MINUTE);
    const failedAt = f.clock.now();
    await f.flush();
    expect(await f.current()).toMatchObject({
      status: 'active',
      failingSince: failedAt,
      retryAfter: f.pause.until,
      error: null,
    });
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(1);
    expect(f.metrics.synced).toBe(0);

    f.clock.advance(19 * MINUTE);
    await f.flush();
    expect(await f.current()).toMatchObject({ failingSince: null, retryAfter: null });
    expect((await f.current()).counts.synced).toBe(1);
  });

  it('backs off transient failures, doubling from the time delivery has been failing', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0)]);
    const start = f.clock.now().getTime();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      f.script(transient());
      await f.flush();
      const { retryAfter, failingSince } = await f.current();
      expect(failingSince?.getTime()).toBe(start);
      const wait = (retryAfter?.getTime() ?? 0) - f.clock.now().getTime();
      waits.push(wait);
      f.clock.advance(wait);
    }
    // random() = 0.5: three quarters of each step; a step is the time failed so far, at least 5 s.
    expect(waits).toEqual([3750, 3750, 5625, 9844, 17_227, 30_147]);
  });

  it('never waits longer than the longest backoff step', async () => {
    const f = await flushFixture({ failingSince: new Date(Date.now() - 10 * HOUR) });
    await f.enqueue([hashedUser(0)]);
    f.script(transient());
    await f.flush();
    const { retryAfter } = await f.current();
    expect((retryAfter?.getTime() ?? 0) - f.clock.now().getTime()).toBe(0.75 * 15 * MINUTE);
  });

  it('gives up users queued more than the retry window ago once delivery has failed that long', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0), hashedUser(1)]);
    const failingSince = f.clock.now();
    f.script(transient());
    await f.flush();
    f.clock.advance(2 * HOUR);
    await f.enqueue([hashedUser(2)]); // arrives while delivery is failing

    f.clock.advance(11 * HOUR); // waited exactly the window: not longer
    f.script(transient());
    await f.flush();
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(3);

    f.clock.advance(1);
    f.script(transient());
    await f.flush();
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(1);
    expect((await f.current()).counts).toMatchObject({ errored: 2, synced: 0 });
    expect((await f.current()).failingSince).toEqual(failingSince);
    expect(f.metrics.givenUp).toBe(2);

    // The late user gets its own full window.
    f.clock.advance(2 * HOUR);
    f.script(transient());
    await f.flush();
    expect((await f.current()).counts.errored).toBe(3);
  });

  it('honours a shorter configured retry window', async () => {
    const f = await flushFixture({}, { retryWindowMs: HOUR });
    await f.enqueue([hashedUser(0)]);
    f.script(throttled());
    await f.flush();
    f.clock.advance(HOUR + 1);
    f.script(throttled());
    await f.flush();
    expect((await f.current()).counts.errored).toBe(1);
  });

  it('starts the count again after a delivered batch', async () => {
    const f = await flushFixture({}, { maxRows: 1 });
    await f.enqueue([hashedUser(0), hashedUser(1)]);
    f.script(transient());
    await f.flush();
    f.clock.advance(12 * HOUR);
    f.script({ num_received: 1 }, transient());
    await f.flush();
    expect(await f.current()).toMatchObject({ failingSince: f.clock.now() });
    f.clock.advance(2 * HOUR);
    f.script(transient());
    await f.flush();
    expect((await f.current()).counts).toMatchObject({ synced: 1, errored: 0 });
  });

  it('retries a bare HTTP 429 as a throttle', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0)]);
    f.script(new GraphError({ message: 'Too Many Requests', httpStatus: 429 }));
    await f.flush();
    expect(await f.current()).toMatchObject({ status: 'active', error: null });
    expect((await f.current()).retryAfter).not.toBeNull();
  });

  it('retries a removal Meta refuses while the audience is under about 1,000 people', async () => {
    const f = await flushFixture({ action: 'remove' });
    await f.enqueue([hashedUser(0)]);
    f.script(graphError(200, 1870047));
    await f.flush();
    expect(await f.current()).toMatchObject({ status: 'active', error: null });
    expect((await f.current()).retryAfter).not.toBeNull();
  });

  it.each([
    ['a revoked token', graphError(190, 460), 'facebook_token_password_changed'],
    ['terms not accepted', graphError(200, 1870034), 'facebook_custom_audience_terms_not_accepted'],
    ['a deleted audience', graphError(100, 33), 'facebook_audience_not_found'],
    ['an integrity flag', graphError(100, 1713230), 'facebook_audience_integrity_flagged'],
    ['no access to the account', graphError(200), 'facebook_access'],
    ['a data source mismatch', graphError(2650), 'facebook_bad_data'],
  ])('stops as errored on %s, keeping the queue for resume', async (_, error, code) => {
    const f = await flushFixture({ failingSince: new Date(), retryAfter: new Date() });
    await f.enqueue([hashedUser(0), hashedUser(1)]);
    f.script(error);
    await f.flush();
    expect(await f.current()).toMatchObject({
      status: 'errored',
      error: { code, message: error.message },
      failingSince: null,
      retryAfter: null,
    });
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(2);
    expect((await f.current()).counts.errored).toBe(0);
  });

  it('stops as errored when the workspace has no usable Facebook token', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0)]);
    f.refuseGraph(new ApiError('facebook_not_connected'));
    await f.flush();
    expect((await f.current()).error?.code).toBe('facebook_not_connected');
    expect(f.calls).toEqual([]);
  });

  it('retries an unexpected failure and logs it', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0)]);
    f.script(new TypeError('boom'));
    await f.flush();
    expect(await f.current()).toMatchObject({ status: 'active', error: null });
    expect((await f.current()).retryAfter).not.toBeNull();
    expect(f.logLines.join('\n')).toContain('sync delivery failed');
  });

  it('abandons a request when shutting down, acknowledging nothing and changing no state', async () => {
    const f = await flushFixture();
    await f.enqueue([hashedUser(0)]);
    const stop = new AbortController();
    f.during(async () => stop.abort(new Error('shutdown')));
    await f.flush(stop.signal);
    expect(await f.store.syncs.pendingCount('sync_1')).toBe(1);
    expect(await f.current()).toMatchObject({
      retryAfter: null,
      failingSince: null,
      counts: { synced: 0 },
    });
  });

  it('skips an active sync without an audience, saying so once', async () => {
    const f = await flushFixture({ facebookAudienceId: null });
    await f.enqueue([hashedUser(0)]);
    await f.flush();
    await f.flush();
    expect(f.calls).toEqual([]);
    expect(f.logLines.filter((line) => line.includes('no audience'))).toHaveLength(1);
  });
});
