import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { Figure } from './bench.ts';
import type { SourceRunResult } from './braze-source-process.ts';

const PROCESS = fileURLToPath(new URL('./braze-source-process.ts', import.meta.url));
const MIB = 1024 * 1024;

export const name = 'braze-source';
export const description =
  `The Braze REST source (openBrazeSegmentExport) reading the ${DEMO_SEGMENT.mobile.size.toLocaleString('en-US')}-user ` +
  'demo segment exported for EMAIL with the default consent settings (fields email, custom ' +
  'attribute do_not_sell_or_share): request, poll, streamed ZIP download over loopback HTTP, ' +
  'unzip and NDJSON parse into SourceItems. The reader runs in a fresh process (its own peak ' +
  'RSS), the emulator in another (its work not counted); users per CPU-second of the reader.';

export async function run(): Promise<Figure[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROCESS, 'mobile'], {
    maxBuffer: MIB,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SourceRunResult;
  if (result.users !== DEMO_SEGMENT.mobile.size) {
    throw new Error(`read ${result.users} users, expected ${DEMO_SEGMENT.mobile.size}`);
  }
  return [
    { label: 'users per wall second', value: result.users / result.wallSeconds, unit: 'users/s' },
    {
      label: 'users per CPU-second (reader)',
      value: result.users / result.cpuSeconds,
      unit: 'users/s',
    },
    { label: 'wall time', value: result.wallSeconds, unit: 's' },
    {
      label: 'peak RSS (reader process)',
      value: result.peakRssBytes / MIB,
      unit: 'MiB',
      target: { atMost: 250 },
    },
  ];
}
