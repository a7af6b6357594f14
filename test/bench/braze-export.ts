/**
 * `node test/bench/braze-export.ts [segment key] [fields…]`: downloads a whole segment
 * export from the Braze emulator over real HTTP and reports throughput and peak memory.
 * Default: the 1,000,000-user `mobile` segment with the fields a Facebook export needs.
 */
import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { DemoSegmentKey } from '../../sandbox/braze/segments/demo-segments.ts';
import { startBrazeEmulator } from '../../sandbox/braze/start.ts';

const [key = 'mobile', ...fields] = process.argv.slice(2);
const segment = DEMO_SEGMENT[key as DemoSegmentKey];
if (!segment) throw new Error(`No demo segment ${key}`);
const fields_to_export = fields.length > 0 ? fields : ['external_id', 'email', 'phone', 'devices'];

const braze = await startBrazeEmulator({ exportDelayMs: 0 });
const started = await fetch(`${braze.restUrl}/users/export/segment`, {
  method: 'POST',
  headers: { authorization: `Bearer ${DEMO_REST_API_KEY}`, 'content-type': 'application/json' },
  body: JSON.stringify({
    segment_id: segment.apiId,
    fields_to_export,
    custom_attributes_to_export: ['opted_in_marketing', 'do_not_sell_or_share'],
  }),
});
const { url } = (await started.json()) as { url: string };

const baseline = process.memoryUsage();
let peak = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  peak = Math.max(peak, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
}, 100);
const began = performance.now();
const reader = (await fetch(url)).body?.getReader();
let bytes = 0;
for (;;) {
  const chunk = await reader?.read();
  if (!chunk || chunk.done) break;
  bytes += chunk.value.length;
}
const seconds = (performance.now() - began) / 1000;
clearInterval(sampler);
await braze.close();

const mb = (value: number) => (value / 1024 / 1024).toFixed(1);
process.stdout.write(
  `${[
    `segment ${key}: ${segment.size.toLocaleString('en-US')} users, fields ${fields_to_export.join(', ')}`,
    `archive ${mb(bytes)} MiB in ${seconds.toFixed(1)} s`,
    `${Math.round(segment.size / seconds).toLocaleString('en-US')} users/s, ${mb(bytes / seconds)} MiB/s`,
    `RSS ${mb(baseline.rss)} MiB before, peak ${mb(peak)} MiB (+${mb(peak - baseline.rss)} MiB)`,
    `heap ${mb(baseline.heapUsed)} MiB before, peak ${mb(peakHeap)} MiB`,
  ].join('\n')}\n`,
);
