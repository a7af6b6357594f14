/**
 * One export job through the real relay (`node proxy/main.ts` in its own process), the Graph
 * and Braze emulators in two more, this process only the client:
 * `node test/bench/export-job-process.ts braze <segment key> | file <rows>`.
 * Prints an `ExportJobResult` as JSON: wall time from POST /v1/exports to the job's end, and
 * the relay process's peak RSS (VmHWM) over the whole run.
 */
import { readFileSync } from 'node:fs';
import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { DemoSegmentKey } from '../../sandbox/braze/segments/demo-segments.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import { benchProcesses } from './bench-processes.ts';
import { generatedCsv } from './generated-csv.ts';

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
const processes = benchProcesses();

try {
  const [graphUrl, brazeUrl] = await Promise.all([
    processes.serve('./graph-emulator-process.ts'),
    processes.serve('./braze-emulator-process.ts'),
  ]);
  const { relay, call, token } = await processes.startRelayWithWorkspace(
    graphUrl,
    { RELAY_UPLOAD_BODY_LIMIT: '2gb' },
    NODE_FLAGS,
  );
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
  processes.stop();
}
