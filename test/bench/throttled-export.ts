import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspaceAdmin } from '../../proxy/auth/workspace-admin.ts';
import { loadConfig } from '../../proxy/config.ts';
import { createLogger } from '../../proxy/log.ts';
import { startRelay } from '../../proxy/start-relay.ts';
import { createGraphControlClient } from '../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID, DEMO_SYSTEM_USER_TOKEN } from '../../sandbox/graph/demo-world.ts';
import { startGraphEmulator } from '../../sandbox/graph/start.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import type { Figure } from './bench.ts';
import { generatedCsv } from './generated-csv.ts';
import { relayCalls } from './relay-calls.ts';

const ROWS = 200_000;
const BATCH = 1_000;
const CALLS_PER_HOUR = 40;

export const name = 'throttled-export';
export const description =
  `An export of ${ROWS.toLocaleString('en-US')} generated CSV rows in batches of ${BATCH.toLocaleString('en-US')} ` +
  `into an ad account whose custom-audience quota the Graph emulator sets to ${CALLS_PER_HOUR} calls per hour, ` +
  'so the job must wait hours: relay and emulator share one simulated clock that every wait of ' +
  'the relay (pacer, retries) moves forward, so the hours pass at once. Counts the /users calls ' +
  'Meta refused (80003) against all /users calls.';

export async function run(): Promise<Figure[]> {
  let now = new Date('2026-11-22T12:00:00Z').getTime();
  const clock = () => new Date(now);
  const sleep = async (ms: number) => {
    now += ms;
  };
  const graph = await startGraphEmulator({ now: clock, retainRows: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'throttled-bench-'));
  const config = loadConfig({
    RELAY_DATA_DIR: dataDir,
    RELAY_PORT: '0',
    RELAY_UPLOAD_BODY_LIMIT: '1gb',
    FACEBOOK_GRAPH_BASE_URL: graph.url,
    FACEBOOK_DIALOG_BASE_URL: graph.url,
  });
  const relay = await startRelay(config, createLogger({ level: 'error', write: () => {} }), {
    now: clock,
    sleep,
  });
  try {
    const control = createGraphControlClient(graph.url);
    await control.setQuota({ adAccountId: DEMO_AD_ACCOUNT_ID, callsPerHour: CALLS_PER_HOUR });
    const { adminKey, workspace } = await createWorkspaceAdmin({
      store: relay.services.store,
      now: clock,
    }).createWorkspace('Bench');
    const { call, adminSession } = relayCalls(relay.url);
    const token = await adminSession(adminKey.apiKey, DEMO_SYSTEM_USER_TOKEN);
    const { uploadId } = await call(
      '/v1/uploads',
      { method: 'POST', body: generatedCsv(ROWS) },
      token,
    );
    const started = now;
    const { id } = (await call(
      '/v1/exports',
      {
        method: 'POST',
        body: JSON.stringify({
          source: { kind: 'file', uploadId },
          adAccountId: DEMO_AD_ACCOUNT_ID,
          plan: { kind: 'per-field', keys: ['EMAIL'] },
          batchSize: BATCH,
        }),
      },
      token,
    )) as { id: string };
    let job: ExportJobView;
    for (;;) {
      // Read in-process: simulated hours pass, longer than any session lives.
      job = await relay.exports.get(workspace.id, id);
      if (['done', 'failed', 'cancelled'].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (job.status !== 'done')
      throw new Error(`throttled export ${job.status}: ${job.error?.code}`);
    const calls = await control.requests({ path: '/users$', method: 'POST' });
    const refused = calls.filter((request) => request.errorCode === 80003).length;
    return [
      { label: '/users calls', value: calls.length, unit: 'calls' },
      { label: 'refused by Meta (80003)', value: refused, unit: 'calls' },
      {
        label: 'refused / all calls',
        value: (100 * refused) / calls.length,
        unit: '%',
        target: { atMost: 2 },
      },
      { label: 'simulated time to finish', value: (now - started) / 3_600_000, unit: 'h' },
    ];
  } finally {
    await relay.close(100);
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
