/**
 * One export job through the real relay (`node proxy/main.ts` in its own process), the Graph
 * and Braze emulators in two more, this process only the client:
 * `node test/bench/export-job-process.ts braze <segment key> | file <rows>`.
 * Prints an `ExportJobResult` as JSON: wall time from POST /v1/exports to the job's end, and
 * the relay process's peak RSS (VmHWM) over the whole run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createWorkspaceAdmin } from '../../proxy/auth/workspace-admin.ts';
import { openRelayServices } from '../../proxy/relay-services.ts';
import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { DemoSegmentKey } from '../../sandbox/braze/segments/demo-segments.ts';
import { DEMO_AD_ACCOUNT_ID, DEMO_SYSTEM_USER_TOKEN } from '../../sandbox/graph/demo-world.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import { generatedCsv } from './generated-csv.ts';
import { relayCalls } from './relay-calls.ts';

export interface ExportJobResult {
  status: string;
  error: string | null;
  users: number;
  rowsSent: number;
  wallSeconds: number;
  relayPeakRssBytes: number;
  /** Before the export started: the relay at rest, or after taking the upload. */
  relayPeakRssBeforeExportBytes: number;
}

/** The peak RSS of a process so far (Linux). */
const peakRssBytes = (pid: number | undefined) =>
  Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) *
  1024;

const [kind = 'file', what = '1000000', ...NODE_FLAGS] = process.argv.slice(2);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const children: ChildProcess[] = [];

/** A child that prints its URL on its first line. */
async function serve(file: string): Promise<string> {
  const child = spawn(process.execPath, [here(file)], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const [url] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return url;
}

const dataDir = mkdtempSync(join(tmpdir(), 'export-job-bench-'));
try {
  const [graphUrl, brazeUrl] = await Promise.all([
    serve('./graph-emulator-process.ts'),
    serve('./braze-emulator-process.ts'),
  ]);
  const relaySecret = 'export-job-benchmark-secret-0123456789abcdef';
  const services = openRelayServices({ dataDir, relaySecret });
  const { adminKey } = await createWorkspaceAdmin({ store: services.store }).createWorkspace(
    'Bench',
  );
  await services.close();

  const relay = spawn(process.execPath, [...NODE_FLAGS, here('../../proxy/main.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      RELAY_DATA_DIR: dataDir,
      RELAY_PORT: '0',
      RELAY_SECRET: relaySecret,
      RELAY_UPLOAD_BODY_LIMIT: '2gb',
      FACEBOOK_GRAPH_BASE_URL: graphUrl,
      FACEBOOK_DIALOG_BASE_URL: graphUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(relay);
  // The relay logs the URL it listens on (port 0 picks a free one).
  const relayUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    relay.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)"/.exec(out)?.[1];
      if (url) resolve(url);
    });
    relay.once('exit', (code) => reject(new Error(`relay exited (${code}): ${out}`)));
  });

  const { call, adminSession } = relayCalls(relayUrl);
  const token = await adminSession(adminKey.apiKey, DEMO_SYSTEM_USER_TOKEN);
  let source: Record<string, unknown>;
  if (kind === 'braze') {
    await call(
      '/v1/sources/braze',
      {
        method: 'PUT',
        body: JSON.stringify({ restEndpoint: brazeUrl, apiKey: DEMO_REST_API_KEY }),
      },
      token,
    );
    const segment = DEMO_SEGMENT[what as DemoSegmentKey];
    source = { kind: 'braze', segmentId: segment.apiId, segmentName: segment.name };
  } else {
    const { uploadId } = await call(
      '/v1/uploads',
      { method: 'POST', body: generatedCsv(Number(what)) },
      token,
    );
    source = { kind: 'file', uploadId };
  }

  const beforeExport = peakRssBytes(relay.pid);
  const began = performance.now();
  const { id } = (await call(
    '/v1/exports',
    {
      method: 'POST',
      body: JSON.stringify({
        source,
        adAccountId: DEMO_AD_ACCOUNT_ID,
        plan: { kind: 'per-field', keys: ['EMAIL'] },
      }),
    },
    token,
  )) as { id: string };
  let job: ExportJobView;
  for (;;) {
    job = (await call(`/v1/exports/${id}`, {}, token)) as unknown as ExportJobView;
    if (['done', 'failed', 'cancelled'].includes(job.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const wallSeconds = (performance.now() - began) / 1000;
  const result: ExportJobResult = {
    status: job.status,
    error: job.error ? `${job.error.code}: ${job.error.message}` : null,
    users: job.report?.users.read ?? 0,
    rowsSent: job.report?.audiences[0]?.sent ?? 0,
    wallSeconds,
    relayPeakRssBytes: peakRssBytes(relay.pid),
    relayPeakRssBeforeExportBytes: beforeExport,
  };
  console.log(JSON.stringify(result));
} finally {
  for (const child of children) {
    child.stdin?.end();
    child.kill('SIGTERM');
  }
  rmSync(dataDir, { recursive: true, force: true });
}
