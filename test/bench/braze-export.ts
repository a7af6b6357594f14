import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import { startBrazeEmulator } from '../../sandbox/braze/start.ts';
import type { Figure } from './bench.ts';

const SEGMENT = DEMO_SEGMENT.mobile;
const FIELDS = ['external_id', 'email', 'phone', 'devices'];
const ATTRIBUTES = ['opted_in_marketing', 'do_not_sell_or_share'];
const MIB = 1024 * 1024;

export const name = 'braze-export';
export const description =
  `One whole segment export of the Braze emulator (${SEGMENT.size.toLocaleString('en-US')} ` +
  `users; fields ${FIELDS.join(', ')} and custom attributes ${ATTRIBUTES.join(', ')}) ` +
  'downloaded over loopback HTTP, emulator and reader in this one process: users per ' +
  'CPU-second and per wall second, archive size, and how far memory rose while streaming.';

export async function run(): Promise<Figure[]> {
  const braze = await startBrazeEmulator({ exportDelayMs: 0 });
  try {
    const started = await fetch(`${braze.restUrl}/users/export/segment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_REST_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        segment_id: SEGMENT.apiId,
        fields_to_export: FIELDS,
        custom_attributes_to_export: ATTRIBUTES,
      }),
    });
    const { url } = (await started.json()) as { url: string };

    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const { rss, heapUsed } = process.memoryUsage();
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heapUsed);
    }, 100);
    const cpu = process.cpuUsage();
    const began = performance.now();
    const reader = (await fetch(url)).body?.getReader();
    let bytes = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      bytes += chunk.value.length;
    }
    const wallSeconds = (performance.now() - began) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    clearInterval(sampler);
    return [
      {
        label: 'users per CPU-second',
        value: SEGMENT.size / ((user + system) / 1e6),
        unit: 'users/s',
      },
      { label: 'users per wall second', value: SEGMENT.size / wallSeconds, unit: 'users/s' },
      { label: 'archive size', value: bytes / MIB, unit: 'MiB' },
      { label: 'RSS rise while streaming', value: (peakRss - before.rss) / MIB, unit: 'MiB' },
      { label: 'heap peak', value: peakHeap / MIB, unit: 'MiB' },
    ];
  } finally {
    await braze.close();
  }
}
