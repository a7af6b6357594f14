import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceAdmin } from '../../../../proxy/auth/workspace-admin.ts';
import { openRelayServices } from '../../../../proxy/relay-services.ts';
import { createGraphControlClient } from '../../../../sandbox/graph/control-client.ts';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../../../sandbox/graph/start.ts';
import { matchKeyValue } from '../../../../shared/match-keys.ts';
import type { ExportJobView } from '../../../../shared/relay-api/exports.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';
import { killHard, killRelayProcesses, startRelayProcess } from '../support/relay-process.ts';
import { pause, usersCsv } from './export-harness.ts';

const graphs: GraphServer[] = [];
afterEach(async () => {
  killRelayProcesses();
  await Promise.all(graphs.splice(0).map((graph) => graph.close()));
  removeTempDirs();
});

describe('kill -9 in the middle of an upload', () => {
  it('resumes on restart without losing or doubling a batch', async () => {
    const graph = await startGraphEmulator({});
    graphs.push(graph);
    const control = createGraphControlClient(graph.url);
    // Slow uploads, so the kill lands mid-export.
    await control.addFault({ kind: 'latency', path: '/users$', latencyMs: 100, times: 1000 });

    const dataDir = join(tempDir(), 'data');
    const env = {
      RELAY_DATA_DIR: dataDir,
      RELAY_PORT: '0',
      RELAY_SECRET: 'kill-and-resume-test-secret-0123456789abcdef',
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
    };
    const services = openRelayServices({ dataDir, relaySecret: env.RELAY_SECRET });
    const { adminKey } = await createWorkspaceAdmin({ store: services.store }).createWorkspace(
      'Acme',
    );
    await services.close();

    const first = await startRelayProcess(env);
    const call = async (url: string, path: string, init: RequestInit & { token?: string } = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(typeof init.body === 'string' && !path.endsWith('uploads')
            ? { 'content-type': 'application/json' }
            : {}),
        },
      });
    const session = await call(first.url, '/v1/session', {
      method: 'POST',
      body: JSON.stringify({ apiKey: adminKey.apiKey }),
    });
    const { token } = (await session.json()) as { token: string };
    const connected = await call(first.url, '/v1/facebook/system-user-token', {
      method: 'PUT',
      token,
      body: JSON.stringify({ token: DEMO_SYSTEM_USER_TOKEN }),
    });
    expect(connected.status, await connected.clone().text()).toBe(200);
    const uploaded = await call(first.url, '/v1/uploads', {
      method: 'POST',
      token,
      body: usersCsv(100),
    });
    const { uploadId } = (await uploaded.json()) as { uploadId: string };
    const created = await call(first.url, '/v1/exports', {
      method: 'POST',
      token,
      body: JSON.stringify({
        source: { kind: 'file', uploadId },
        adAccountId: DEMO_AD_ACCOUNT_ID,
        plan: { kind: 'per-field', keys: ['EMAIL'] },
        batchSize: 10,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(202);
    const { id } = (await created.json()) as ExportJobView;

    const answered = async () =>
      (await control.requests({ path: '/users$', method: 'POST' })).filter(
        (call) => call.status === 200,
      );
    while ((await answered()).length < 4) await pause(5);
    await killHard(first.child);
    const beforeRestart = (await answered()).length;
    expect(beforeRestart).toBeLessThan(10);

    const second = await startRelayProcess(env);
    let job: ExportJobView | undefined;
    for (let i = 0; i < 1000; i++) {
      job = (await (
        await call(second.url, `/v1/exports/${id}`, { token })
      ).json()) as ExportJobView;
      if (job.status === 'done' || job.status === 'failed') break;
      await pause(20);
    }
    expect(job?.status, JSON.stringify(job?.error)).toBe('done');

    const audienceId = job?.audiences[0]?.facebookAudienceId ?? '';
    const [upload] = await control.audienceSessions(audienceId);
    expect(upload).toMatchObject({
      batches: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      finished: true,
      numReceived: 100,
    });
    const sent = (await answered()).map(
      (call) => (call.params.session as { batch_seq: number }).batch_seq,
    );
    // Each batch went out once, but the one in flight at the kill, which may go twice.
    const repeats = sent.filter((seq, index) => sent.indexOf(seq) !== index);
    expect(repeats.length).toBeLessThanOrEqual(1);
    const rows = (await control.audienceRows(audienceId)).schemas[0]?.rows ?? [];
    expect(rows.sort()).toEqual(
      Array.from({ length: 100 }, (_, index) => [
        matchKeyValue('EMAIL', `User${index}@Example.com`),
      ]).sort(),
    );
    expect(job?.report?.audiences[0]).toMatchObject({
      sent: 100,
      batches: 10,
      meta: { received: 100 },
    });
    expect(job?.report?.users.read).toBe(100);
  });
});
