import { describe, expect, it } from 'vitest';
import { DEMO_AD_ACCOUNT_ID, DEMO_AUDIENCES } from '../../../../sandbox/graph/demo-world.ts';
import { graphError, hashedEmails, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();
type Started = Awaited<ReturnType<typeof startGraph>>;

interface Batch {
  data: unknown[];
  sessionId?: number;
  seq: number;
  last?: boolean;
  schema?: unknown;
}

const params = (batch: Batch) => ({
  payload: { schema: batch.schema ?? 'EMAIL_SHA256', data: batch.data },
  session: {
    session_id: batch.sessionId ?? 500,
    batch_seq: batch.seq,
    last_batch_flag: batch.last ?? false,
  },
});

const replace = (started: Started, audience: string, batch: Batch) =>
  started.graph(`${audience}/usersreplace`, {
    method: 'POST',
    encoding: 'json',
    params: params(batch),
  });

const add = (started: Started, audience: string, batch: Batch) =>
  started.graph(`${audience}/users`, { method: 'POST', encoding: 'json', params: params(batch) });

const status = async (started: Started, audience: string) =>
  (await started.graph(audience, { params: { fields: 'operation_status' } })).body.operation_status
    .code;

const NEW = hashedEmails(3, 'new');

describe('/usersreplace (reference §4.6)', () => {
  it('replaces every member once the last batch arrives, 414 until then', async () => {
    const started = await startGraph();
    const audience = DEMO_AUDIENCES.lapsed;
    expect((await started.control.audienceRows(audience)).count).toBe(150);
    const first = await replace(started, audience, { data: NEW.slice(0, 2), seq: 1 });
    expect(first.body).toEqual({
      account_id: DEMO_AD_ACCOUNT_ID,
      session_id: '500',
      num_received: 2,
      num_invalid_entries: 0,
      invalid_entry_samples: {},
    });
    expect(await status(started, audience)).toBe(414);
    // The old members stay until the replace finishes.
    expect((await started.control.audienceRows(audience)).count).toBe(150);
    const last = await replace(started, audience, { data: NEW.slice(2), seq: 2, last: true });
    expect(last.body.num_received).toBe(3);
    expect(await status(started, audience)).toBe(200);
    expect(await started.control.audienceRows(audience)).toMatchObject({
      count: 3,
      schemas: [{ schema: 'EMAIL_SHA256', rows: NEW }],
    });
  });

  it('refuses /users while a replace runs (2650/1870145)', async () => {
    const started = await startGraph();
    await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 1 });
    const concurrent = await add(started, DEMO_AUDIENCES.lapsed, {
      data: NEW,
      sessionId: 9,
      seq: 1,
    });
    expect(graphError(concurrent)).toMatchObject({
      code: 2650,
      error_subcode: 1870145,
      error_user_title: 'Audience Update In Progress',
    });
    const other = await replace(started, DEMO_AUDIENCES.lapsed, {
      data: NEW,
      sessionId: 501,
      seq: 1,
    });
    expect(graphError(other).error_subcode).toBe(1870145);
  });

  it('needs batch_seq 1 first (1870147)', async () => {
    const started = await startGraph();
    const answer = await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 2 });
    expect(graphError(answer)).toMatchObject({ code: 2650, error_subcode: 1870147 });
  });

  it('refuses batches after the last one (1870159)', async () => {
    const started = await startGraph();
    await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 1, last: true });
    const after = await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 2 });
    expect(graphError(after)).toMatchObject({ code: 2650, error_subcode: 1870159 });
  });

  it('accepts duplicate and out-of-order non-first batches', async () => {
    const started = await startGraph();
    await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW.slice(0, 1), seq: 1 });
    expect(
      (await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW.slice(1, 2), seq: 5 })).status,
    ).toBe(200);
    expect(
      (await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW.slice(1, 2), seq: 5 })).status,
    ).toBe(200);
    const last = await replace(started, DEMO_AUDIENCES.lapsed, {
      data: NEW.slice(2),
      seq: 3,
      last: true,
    });
    expect(last.body.num_received).toBe(4);
    expect((await started.control.audienceRows(DEMO_AUDIENCES.lapsed)).count).toBe(3);
  });

  it('answers a retried first batch as before', async () => {
    const started = await startGraph();
    const first = await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 1 });
    const retry = await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 1 });
    expect(retry.body).toEqual(first.body);
  });

  it('keeps the first batch’s schema for the whole session', async () => {
    const started = await startGraph();
    await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 1 });
    const answer = await replace(started, DEMO_AUDIENCES.lapsed, {
      data: [[NEW[0]?.[0]]],
      seq: 2,
      schema: 'EMAIL',
    });
    expect(graphError(answer).code).toBe(2650);
    expect(graphError(answer).message).toContain('schema');
  });

  it('shows the timed-out replace in the read-back without another Graph call', async () => {
    const started = await startGraph();
    await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW, seq: 1 });
    await started.control.advanceClock(90 * 60);
    expect((await started.control.audienceRows(DEMO_AUDIENCES.lapsed)).count).toBe(3);
  });

  it('ends the session after 90 minutes with what it had (1870158), then /users works', async () => {
    const started = await startGraph();
    await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW.slice(0, 2), seq: 1 });
    await started.control.advanceClock(89 * 60);
    expect(
      (await replace(started, DEMO_AUDIENCES.lapsed, { data: NEW.slice(2), seq: 2 })).status,
    ).toBe(200);
    await started.control.advanceClock(60);
    const late = await replace(started, DEMO_AUDIENCES.lapsed, {
      data: hashedEmails(1, 'late'),
      seq: 3,
    });
    expect(graphError(late)).toMatchObject({ code: 2650, error_subcode: 1870158 });
    expect(await status(started, DEMO_AUDIENCES.lapsed)).toBe(200);
    expect((await started.control.audienceRows(DEMO_AUDIENCES.lapsed)).count).toBe(3);
    const [session] = await started.control.audienceSessions(DEMO_AUDIENCES.lapsed);
    expect(session).toMatchObject({ operation: 'replace', timedOut: true, finished: true });
    expect(
      (
        await add(started, DEMO_AUDIENCES.lapsed, {
          data: hashedEmails(1, 'late'),
          sessionId: 8,
          seq: 1,
        })
      ).status,
    ).toBe(200);
  });

  it('blocks flagged audiences and needs the value column for value-based ones', async () => {
    const started = await startGraph();
    expect(
      graphError(await replace(started, DEMO_AUDIENCES.flagged, { data: NEW, seq: 1 }))
        .error_subcode,
    ).toBe(1713230);
    expect(
      graphError(await replace(started, DEMO_AUDIENCES.valueBased, { data: NEW, seq: 1 })).message,
    ).toContain('LOOKALIKE_VALUE');
  });
});
