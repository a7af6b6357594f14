import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { type Bench, type Figure, meetsTarget } from './bench.ts';
import * as brazeExport from './braze-export.ts';
import * as brazeSource from './braze-source.ts';
import * as exportJob from './export-job.ts';
import * as exportPipeline from './export-pipeline.ts';
import * as matchKeys from './match-keys.ts';
import * as syncDelivery from './sync-delivery.ts';
import * as throttledExport from './throttled-export.ts';

/**
 * `npm run bench [-- name …]`: runs the benchmarks (all, or those named) and prints a
 * Markdown section to paste into docs/benchmarks.md. A new benchmark is a module exporting
 * `name`, `description` and `run`, added to this list.
 */
const BENCHES: Bench[] = [
  matchKeys,
  brazeExport,
  brazeSource,
  exportPipeline,
  exportJob,
  throttledExport,
  syncDelivery,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHES.some((bench) => bench.name === name));
if (unknown.length > 0) {
  console.error(
    `No such benchmark: ${unknown.join(', ')}. Known: ${BENCHES.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}

const lines = [
  `## ${new Date().toISOString().slice(0, 10)}: \`npm run bench${wanted.length > 0 ? ` -- ${wanted.join(' ')}` : ''}\``,
  '',
  `Machine: ${availableParallelism()} cores (nproc), ${cpuModel()}, Node ${process.version}, ` +
    `${process.platform} ${process.arch}; load average ${loadavg()[0]?.toFixed(1)} at the start.`,
];
for (const bench of BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  process.stderr.write(`running ${bench.name}…\n`);
  const figures = await bench.run();
  lines.push(
    '',
    `### ${bench.name}`,
    '',
    bench.description,
    '',
    '| figure | value | target |',
    '| --- | ---: | --- |',
  );
  for (const figure of figures)
    lines.push(`| ${figure.label} | ${format(figure)} | ${targetText(figure)} |`);
}
console.log(lines.join('\n'));

function cpuModel(): string {
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    if (model !== undefined) return model.trim();
  } catch {
    // not Linux: fall through to what Node knows
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

function format({ value, unit }: Figure): string {
  const shown = value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(3);
  return unit === '×' ? `${shown}×` : `${shown} ${unit}`;
}

function targetText(figure: Figure): string {
  const { target } = figure;
  if (target === undefined) return '';
  const goal = 'atLeast' in target ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
  return `${goal} ${meetsTarget(figure) ? '(met)' : '(**missed**)'}`;
}
