import { describe, expect, it } from 'vitest';
import { DEMO_AD_ACCOUNT_ID, DEMO_AUDIENCES } from '../../../../sandbox/graph/demo-world.ts';
import { graphError, hashedEmails, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();
type Started = Awaited<ReturnType<typeof startGraph>>;

const uploadBatch = (started: Started, seq = 1) =>
  started.graph(`${DEMO_AUDIENCES.newsletter}/users`, {
    method: 'POST',
    encoding: 'json',
    params: {
      payload: { schema: 'EMAIL_SHA256', data: hashedEmails(5, 'fault') },
      session: { session_id: 31, batch_seq: seq, last_batch_flag: false },
    },
  });

describe('injected faults', () => {
  it('serves an HTML 500 page to the next matching call only', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'http500', path: '/users$' });
    expect((await started.graph('me')).status).toBe(200);
    const broken = await uploadBatch(started);
    expect(broken.status).toBe(500);
    expect(broken.headers.get('content-type')).toContain('text/html');
    expect(broken.body).toContain('Sorry, something went wrong.');
    expect((await started.control.audienceRows(DEMO_AUDIENCES.newsletter)).count).toBe(5000);
    expect((await uploadBatch(started)).status).toBe(200);
  });

  it('answers code 2 with is_transient:true for N calls', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'transient', path: '^/v26.0/me$', times: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await started.graph('me');
      expect(answer.status).toBe(500);
      expect(graphError(answer)).toMatchObject({ code: 2, is_transient: true });
    }
    expect((await started.graph('me')).status).toBe(200);
    expect(await started.control.faults()).toEqual([]);
  });

  it('matches the method too', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'transient', path: 'customaudiences', method: 'POST' });
    expect((await started.graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`)).status).toBe(200);
    expect(await started.control.faults()).toHaveLength(1);
  });

  it('adds latency and then answers normally', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'latency', path: '/me$', latencyMs: 20 });
    expect((await started.graph('me')).status).toBe(200);
    const [record] = await started.control.requests({ path: '/me$' });
    expect(record?.fault).toBe('latency');
  });

  it('drops the connection before handling the call', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'drop', path: '/users$' });
    await expect(uploadBatch(started)).rejects.toThrow();
    expect(await started.control.audienceSessions(DEMO_AUDIENCES.newsletter)).toEqual([]);
    expect((await uploadBatch(started)).status).toBe(200);
  });

  it('drops the connection after handling the call: a retry of the batch gets the same answer', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'drop-after', path: '/users$' });
    await expect(uploadBatch(started)).rejects.toThrow();
    const [session] = await started.control.audienceSessions(DEMO_AUDIENCES.newsletter);
    expect(session).toMatchObject({ batches: [1], numReceived: 5 });
    const retry = await uploadBatch(started);
    expect(retry.body).toMatchObject({ num_received: 5 });
    expect((await started.control.audienceRows(DEMO_AUDIENCES.newsletter)).count).toBe(5005);
  });

  it('drops in-process calls as a rejected fetch', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'drop', path: '/me$' });
    await expect(started.emulator.fetch(new Request('http://graph.test/v26.0/me'))).rejects.toThrow(
      /dropped the connection/,
    );
  });

  it('throttles custom-audience calls for a window with the given minutes', async () => {
    const started = await startGraph();
    await started.control.addFault({ kind: 'throttle', path: '/users$', times: 2, minutes: 7 });
    for (let i = 0; i < 2; i++) {
      const answer = await uploadBatch(started);
      expect(graphError(answer)).toMatchObject({ code: 80003, error_subcode: 2446079 });
      const usage = JSON.parse(answer.headers.get('x-business-use-case-usage') ?? '{}');
      expect(usage[DEMO_AD_ACCOUNT_ID][0]).toMatchObject({
        call_count: 100,
        estimated_time_to_regain_access: 7,
      });
    }
    expect((await uploadBatch(started)).status).toBe(200);
  });

  it('refuses a fault whose path is not a regular expression', async () => {
    const started = await startGraph();
    await expect(started.control.addFault({ kind: 'drop', path: '(' })).rejects.toThrow(/regular/);
  });
});
