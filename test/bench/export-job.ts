import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RELAY_NODE_FLAGS } from '../../proxy/node-flags.ts';
import type { Figure } from './bench.ts';
import type { ExportJobResult } from './export-job-process.ts';
import { CSV_HEADER } from './generated-csv.ts';

const MIB = 1024 * 1024;
const PROCESS = fileURLToPath(new URL('./export-job-process.ts', import.meta.url));

export const name = 'export-job';
export const description =
  'Whole export jobs through the real relay (`node proxy/main.ts`, its own process) into one EMAIL ' +
  'audience of the Graph emulator (another process, zero added latency, counts only), as a ' +
  'client would run them: Braze demo segments `mobile` (1,000,000 users) and `everyone` ' +
  '(3,000,000), and generated CSV uploads (`' +
  CSV_HEADER +
  '`) of the same sizes. Wall time from POST /v1/exports to the end; peak RSS (VmHWM) of the ' +
  'relay process over the whole run, upload included. The relay applies its own V8 flags ' +
  '(`' +
  RELAY_NODE_FLAGS.join(' ') +
  '`, proxy/node-flags.ts) by starting again in place; the last two runs start it with ' +
  '`--max-semi-space-size=2 --max-old-space-size=96` instead, an operator trading CPU for memory.';

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const peaks: Record<string, number> = {};
  for (const [kind, what, label, flags] of [
    ['braze', 'mobile', 'Braze 1M', []],
    ['braze', 'everyone', 'Braze 3M', []],
    ['file', '1000000', 'file 1M', []],
    ['file', '3000000', 'file 3M', []],
    ['file', '1000000', 'file 1M, GC flags', GC_FLAGS],
    ['file', '3000000', 'file 3M, GC flags', GC_FLAGS],
  ] as const) {
    const result = await measure(kind, what, flags);
    if (result.status !== 'done') {
      process.stderr.write(`${label}: ${result.status} (${result.error})\n`);
      figures.push({
        label: `${label}: the job ${result.status}`,
        value: result.users,
        unit: 'users read',
      });
      continue;
    }
    peaks[label] = result.relayPeakRssBytes;
    figures.push(
      {
        label: `${label}: wall time`,
        value: result.wallSeconds,
        unit: 's',
        ...(label.includes('1M') ? { target: { atMost: 20 } } : {}),
      },
      {
        label: `${label}: relay peak RSS`,
        value: result.relayPeakRssBytes / MIB,
        unit: 'MiB',
        ...(label.includes('1M') ? { target: { atMost: 250 } } : {}),
      },
      {
        label: `${label}: relay peak RSS before the export (idle, or taking the upload)`,
        value: result.relayPeakRssBeforeExportBytes / MIB,
        unit: 'MiB',
      },
      { label: `${label}: rows sent`, value: result.rowsSent, unit: 'rows' },
    );
  }
  for (const [kind, suffix] of [
    ['Braze', ''],
    ['file', ''],
    ['file', ', GC flags'],
  ]) {
    const one = peaks[`${kind} 1M${suffix}`];
    const three = peaks[`${kind} 3M${suffix}`];
    if (one && three) {
      figures.push({
        label: `${kind}${suffix}: relay peak RSS, 3M / 1M`,
        value: three / one,
        unit: '×',
        target: { atMost: 1.1 },
      });
    }
  }
  return figures;
}

/** V8 collecting sooner: most of the relay's peak RSS is garbage not yet collected. */
const GC_FLAGS = ['--max-semi-space-size=2', '--max-old-space-size=96'];

async function measure(
  kind: string,
  what: string,
  flags: readonly string[],
): Promise<ExportJobResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROCESS, kind, what, ...flags], {
    maxBuffer: MIB,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ExportJobResult;
}
