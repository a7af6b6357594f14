/**
 * One read of a Braze segment through `openBrazeSegmentExport`, alone in a fresh process so
 * that its peak RSS is its own, with the emulator in another process:
 * `node test/bench/braze-source-process.ts <segment key>`. Prints a `SourceRunResult` as JSON.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createBrazeClient } from '../../proxy/sources/braze/braze-client.ts';
import { brazeExportFields } from '../../proxy/sources/braze/export-fields.ts';
import { openBrazeSegmentExport } from '../../proxy/sources/braze/segment-export.ts';
import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { DemoSegmentKey } from '../../sandbox/braze/segments/demo-segments.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../shared/consent-settings.ts';

export interface SourceRunResult {
  users: number;
  problems: number;
  cpuSeconds: number;
  wallSeconds: number;
  peakRssBytes: number;
}

const key = (process.argv[2] ?? 'mobile') as DemoSegmentKey;
const segment = DEMO_SEGMENT[key];
const emulator = spawn(
  process.execPath,
  [fileURLToPath(new URL('./braze-emulator-process.ts', import.meta.url))],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const [restUrl] = (await once(createInterface({ input: emulator.stdout }), 'line')) as [string];
try {
  const { fields, customAttributes } = brazeExportFields(['EMAIL'], DEFAULT_CONSENT_SETTINGS);
  const client = createBrazeClient({ endpoint: restUrl, apiKey: DEMO_REST_API_KEY });
  const cpu = process.cpuUsage();
  const began = performance.now();
  let users = 0;
  let problems = 0;
  for await (const item of openBrazeSegmentExport({
    client,
    segmentApiId: segment.apiId,
    fields,
    customAttributes,
    poll: { baseMs: 100, maxMs: 1000 },
  })) {
    if (item.kind === 'user') users += 1;
    else if (item.kind === 'problem') problems += 1;
  }
  const { user, system } = process.cpuUsage(cpu);
  const result: SourceRunResult = {
    users,
    problems,
    cpuSeconds: (user + system) / 1e6,
    wallSeconds: (performance.now() - began) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(result));
} finally {
  emulator.stdin.end();
}
