import { describe, expect, it } from 'vitest';
import { createMetricRegistry } from '../../../../proxy/metrics/metric-registry.ts';

describe('the metric registry', () => {
  it('renders counters in the Prometheus text format, one series per label set', async () => {
    const registry = createMetricRegistry();
    const errors = registry.counter('relay_facebook_errors_total', 'Failed calls, by class.');
    errors.inc({ class: 'throttled' });
    errors.inc({ class: 'throttled' }, 2);
    errors.inc({ class: 'transient' });
    expect(await registry.render()).toBe(
      [
        '# HELP relay_facebook_errors_total Failed calls, by class.',
        '# TYPE relay_facebook_errors_total counter',
        'relay_facebook_errors_total{class="throttled"} 3',
        'relay_facebook_errors_total{class="transient"} 1',
        '',
      ].join('\n'),
    );
  });

  it('treats the same labels in another order as the same series', async () => {
    const registry = createMetricRegistry();
    const counter = registry.counter('c_total', 'C.');
    counter.inc({ a: '1', b: '2' });
    counter.inc({ b: '2', a: '1' });
    expect(await registry.render()).toContain('c_total{a="1",b="2"} 2');
  });

  it('renders histograms with cumulative buckets, +Inf, sum and count', async () => {
    const registry = createMetricRegistry();
    const latency = registry.histogram('latency_seconds', 'Latency.', [0.1, 1]);
    latency.observe(0.05, { route: '/x' });
    latency.observe(0.5, { route: '/x' });
    latency.observe(3, { route: '/x' });
    expect(await registry.render()).toBe(
      [
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{route="/x",le="0.1"} 1',
        'latency_seconds_bucket{route="/x",le="1"} 2',
        'latency_seconds_bucket{route="/x",le="+Inf"} 3',
        'latency_seconds_sum{route="/x"} 3.55',
        'latency_seconds_count{route="/x"} 3',
        '',
      ].join('\n'),
    );
  });

  it('reads gauges at scrape time, with or without labels', async () => {
    const registry = createMetricRegistry();
    let depth = 4;
    registry.gauge('queue_users', 'Queued.', async () => depth);
    registry.gauge('jobs', 'Jobs.', async () => [[{ status: 'uploading' }, 2]]);
    expect(await registry.render()).toContain('queue_users 4\n');
    depth = 7;
    const text = await registry.render();
    expect(text).toContain('queue_users 7\n');
    expect(text).toContain('# TYPE jobs gauge\njobs{status="uploading"} 2\n');
  });

  it('escapes label values and help text as the format requires', async () => {
    const registry = createMetricRegistry();
    registry.counter('odd_total', 'Back\\slash and\nnewline.').inc({ path: 'a"b\\c\nd' });
    const text = await registry.render();
    expect(text).toContain('# HELP odd_total Back\\\\slash and\\nnewline.');
    expect(text).toContain('odd_total{path="a\\"b\\\\c\\nd"} 1');
  });

  it('refuses a name registered twice', () => {
    const registry = createMetricRegistry();
    registry.counter('twice_total', 'Once.');
    expect(() => registry.counter('twice_total', 'Twice.')).toThrow(/registered twice/);
  });
});
