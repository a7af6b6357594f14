/**
 * One measurement of the export-pipeline bench, alone in a fresh process so that its peak
 * RSS is its own: `node --expose-gc test/bench/export-pipeline-process.ts <mode> <rows>`.
 * Prints a `ProcessResult` as JSON.
 *
 * - `pipeline`: a generated CSV upload through readFileSource and exportPipeline (per-field
 *   EMAIL, the default consent settings, workspace country US), every batch taken. Every
 *   500,000 rows it collects garbage and notes the heap still in use: the live memory.
 * - `generate`: the same CSV, only generated (what to subtract from `pipeline`).
 * - `dedupe-set`: what a Set of that many email hashes holds in the heap.
 */
import { exportPipeline } from '../../proxy/exports/export-pipeline.ts';
import { readFileSource } from '../../proxy/sources/file/read-file-source.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../shared/consent-settings.ts';
import { matchKeyValue } from '../../shared/match-keys.ts';
import { generatedCsv } from './generated-csv.ts';

export interface ProcessResult {
  rows: number;
  cpuSeconds: number;
  wallSeconds: number;
  peakRssBytes: number;
  /** `pipeline`: the most heap in use right after a collection; `dedupe-set`: the Set's heap. */
  heapBytes: number;
  /** `pipeline`: rows in the batches; `generate`: bytes. */
  output: number;
}

const SAMPLE_EVERY = 500_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('Run with node --expose-gc.');
const collect = gc;
const [mode = 'pipeline', rowsText = '1000000'] = process.argv.slice(2);
const rows = Number(rowsText);
const cpu = process.cpuUsage();
const began = performance.now();
const { output, heapBytes } = await measure(mode);
const { user, system } = process.cpuUsage(cpu);
const result: ProcessResult = {
  rows,
  cpuSeconds: (user + system) / 1e6,
  wallSeconds: (performance.now() - began) / 1000,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  heapBytes,
  output,
};
console.log(JSON.stringify(result));

async function measure(what: string): Promise<{ output: number; heapBytes: number }> {
  switch (what) {
    case 'pipeline': {
      const pipeline = exportPipeline(readFileSource(generatedCsv(rows)), {
        plan: { kind: 'per-field', keys: ['EMAIL'] },
        consent: DEFAULT_CONSENT_SETTINGS,
        defaultCountry: 'US',
      });
      let sent = 0;
      let live = 0;
      let nextSample = SAMPLE_EVERY;
      for await (const batch of pipeline.batches) {
        sent += batch.size;
        if (pipeline.report().users.read >= nextSample) {
          nextSample += SAMPLE_EVERY;
          collect();
          live = Math.max(live, process.memoryUsage().heapUsed);
        }
      }
      return { output: sent, heapBytes: live };
    }
    case 'generate': {
      const reader = generatedCsv(rows).getReader();
      let bytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        bytes += chunk.value.byteLength;
      }
      return { output: bytes, heapBytes: 0 };
    }
    case 'dedupe-set': {
      collect();
      const before = process.memoryUsage().heapUsed;
      const seen = new Set<string>();
      for (let index = 0; index < rows; index++) {
        seen.add(matchKeyValue('EMAIL', `user${index}@example.com`) ?? '');
      }
      collect();
      const heapBytes = process.memoryUsage().heapUsed - before;
      return { output: seen.size, heapBytes };
    }
    default:
      throw new Error(`Unknown mode ${what}: pipeline, generate or dedupe-set.`);
  }
}
