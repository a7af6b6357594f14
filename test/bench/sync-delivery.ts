import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Figure } from './bench.ts';
import type { SyncBenchResult } from './sync-delivery-process.ts';

const PROCESS = fileURLToPath(new URL('./sync-delivery-process.ts', import.meta.url));

export const name = 'sync-delivery';
export const description =
  'A continuous sync through the real relay (`node proxy/main.ts`, its own process, SQLite, ' +
  'the default 5-second flush) into a new EMAIL audience of the Graph emulator (another ' +
  'process), users POSTed to the ingest URL 100 a request (`external_id` and `email`): ' +
  '200,000 users by 8 concurrent clients as fast as the relay answers 202 (delivery running ' +
  'meanwhile); then, on a fresh relay, 2,000 users/s for 60 s, each request timed from its 202 ' +
  'to the moment the sync counts its users synced (polled every 50 ms).';

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;

export async function run(): Promise<Figure[]> {
  const ingest = await measure('ingest', '200000', '8');
  const latency = await measure('latency', '2000', '60');
  const acks = [...latency.ackSeconds].sort((a, b) => a - b);
  return [
    {
      label: 'ingest: users accepted per second',
      value: ingest.users / ingest.seconds,
      unit: 'users/s',
      target: { atLeast: 5000 },
    },
    { label: 'ingest: users synced in the end', value: ingest.synced, unit: 'users' },
    {
      label: 'at 2,000 users/s: rate held',
      value: latency.users / latency.seconds,
      unit: 'users/s',
    },
    {
      label: 'at 2,000 users/s: ingest → acknowledged, p50',
      value: percentile(acks, 0.5),
      unit: 's',
    },
    {
      label: 'at 2,000 users/s: ingest → acknowledged, p95',
      value: percentile(acks, 0.95),
      unit: 's',
      target: { atMost: 6 },
    },
    {
      label: 'at 2,000 users/s: ingest → acknowledged, max',
      value: acks.at(-1) ?? Number.NaN,
      unit: 's',
    },
    { label: 'at 2,000 users/s: users synced in the end', value: latency.synced, unit: 'users' },
  ];
}

async function measure(...args: string[]): Promise<SyncBenchResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROCESS, ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SyncBenchResult;
}
