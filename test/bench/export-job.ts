import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
  'relay process over the whole run, upload included.';

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const peaks: Record<string, number> = {};
  for (const [kind, what, label] of [
    ['braze', 'mobile', 'Braze 1M'],
    ['braze', 'everyone', 'Braze 3M'],
    ['file', '1000000', 'file 1M'],
    ['file', '3000000', 'file 3M'],
  ] as const) {
    const result = await measure(kind, what);
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
        ...(label.endsWith('1M') ? { target: { atMost: 20 } } : {}),
      },
      {
        label: `${label}: relay peak RSS`,
        value: result.relayPeakRssBytes / MIB,
        unit: 'MiB',
        ...(label.endsWith('1M') ? { target: { atMost: 250 } } : {}),
      },
      { label: `${label}: rows sent`, value: result.rowsSent, unit: 'rows' },
    );
  }
  for (const kind of ['Braze', 'file']) {
    const one = peaks[`${kind} 1M`];
    const three = peaks[`${kind} 3M`];
    if (one && three) {
      figures.push({
        label: `${kind}: relay peak RSS, 3M / 1M`,
        value: three / one,
        unit: '×',
        target: { atMost: 1.1 },
      });
    }
  }
  return figures;
}

async function measure(kind: string, what: string): Promise<ExportJobResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROCESS, kind, what], {
    maxBuffer: MIB,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ExportJobResult;
}
