import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Figure } from './bench.ts';
import type { ProcessResult } from './export-pipeline-process.ts';
import { CSV_HEADER } from './generated-csv.ts';

const MIB = 1024 * 1024;
const PROCESS = fileURLToPath(new URL('./export-pipeline-process.ts', import.meta.url));

export const name = 'export-pipeline';
export const description =
  'A generated CSV upload (`' +
  CSV_HEADER +
  '`; 1,000,000 and 3,000,000 rows, generated as read) through `readFileSource` and ' +
  '`exportPipeline` into per-field EMAIL batches (default consent settings: 8 % opted out; ' +
  '2 % unusable emails), each measurement in a fresh Node process so that its peak RSS is ' +
  'its own. Rows per CPU-second of that process; the live heap is the most heap still in use ' +
  'right after a collection, sampled every 500,000 rows.';

export async function run(): Promise<Figure[]> {
  const generate = await measure('generate', 1_000_000);
  const one = await measure('pipeline', 1_000_000);
  const three = await measure('pipeline', 3_000_000);
  const idle = await measure('pipeline', 1_000);
  const dedupe = await measure('dedupe-set', 1_000_000);
  return [
    { label: '1M rows: CSV → EMAIL batches', value: one.rows / one.cpuSeconds, unit: 'rows/s' },
    {
      label: '1M rows: generating the CSV alone',
      value: generate.rows / generate.cpuSeconds,
      unit: 'rows/s',
    },
    {
      label: '1M rows: pipeline, generation subtracted',
      value: one.rows / (one.cpuSeconds - generate.cpuSeconds),
      unit: 'rows/s',
    },
    { label: '1M rows: wall time', value: one.wallSeconds, unit: 's' },
    { label: '1M rows: peak RSS', value: one.peakRssBytes / MIB, unit: 'MiB' },
    { label: '1M rows: live heap', value: one.heapBytes / MIB, unit: 'MiB' },
    { label: '3M rows: peak RSS', value: three.peakRssBytes / MIB, unit: 'MiB' },
    { label: '3M rows: live heap', value: three.heapBytes / MIB, unit: 'MiB' },
    {
      label: 'peak RSS, 3M rows / 1M rows',
      value: three.peakRssBytes / one.peakRssBytes,
      unit: '×',
      target: { atMost: 1.1 }, // constant memory (issue 4: within 10 %)
    },
    {
      label: '1,000 rows (the process itself): peak RSS',
      value: idle.peakRssBytes / MIB,
      unit: 'MiB',
    },
    {
      label: 'a Set of 1M email hashes (exact dedupe): heap',
      value: dedupe.heapBytes / MIB,
      unit: 'MiB',
    },
  ];
}

async function measure(mode: string, rows: number): Promise<ProcessResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', PROCESS, mode, String(rows)],
    { maxBuffer: MIB },
  );
  return JSON.parse(stdout) as ProcessResult;
}
