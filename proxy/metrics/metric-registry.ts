import { type MetricFamily, renderPrometheusText, type Sample } from './prometheus-text.ts';

export type Labels = Readonly<Record<string, string>>;

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

/** Read at scrape time, e.g. a queue's depth from the store. */
export type GaugeReading = () => Promise<number | readonly [Labels, number][]>;

/**
 * The relay's metrics, in memory since start-up (Prometheus computes rates from counters that
 * reset). Hand-written: three metric kinds and the text format need no dependency.
 * Label values must come from small fixed sets (route patterns, classes, statuses), never from
 * users, ids or secrets, so the number of series stays bounded.
 */
export interface MetricRegistry {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string, read: GaugeReading): void;
  /** `buckets`: upper bounds, ascending; `+Inf` is added. */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  /** Prometheus text exposition format 0.0.4. */
  render(): Promise<string>;
}

/** One series per distinct label set: labels sorted by name, so `{a,b}` and `{b,a}` are one. */
const seriesKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());

interface HistogramSeries {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

export function createMetricRegistry(): MetricRegistry {
  const families: (() => Promise<MetricFamily>)[] = [];
  const names = new Set<string>();
  const register = (name: string, collect: () => Promise<MetricFamily>) => {
    if (names.has(name)) throw new Error(`metric ${name} is registered twice`);
    names.add(name);
    families.push(collect);
  };

  return {
    counter(name, help) {
      const series = new Map<string, Sample>();
      register(name, async () => ({ name, help, type: 'counter', samples: [...series.values()] }));
      return {
        inc(labels = {}, by = 1) {
          const key = seriesKey(labels);
          const sample = series.get(key) ?? { name, labels, value: 0 };
          sample.value += by;
          series.set(key, sample);
        },
      };
    },
    gauge(name, help, read) {
      register(name, async () => {
        const value = await read();
        const readings = typeof value === 'number' ? [[{}, value] as const] : value;
        const samples = readings.map(([labels, reading]) => ({ name, labels, value: reading }));
        return { name, help, type: 'gauge', samples };
      });
    },
    histogram(name, help, buckets) {
      const series = new Map<string, HistogramSeries>();
      register(name, async () => ({
        name,
        help,
        type: 'histogram',
        samples: [...series.values()].flatMap(({ labels, counts, sum, count }) => [
          ...buckets.map((le, index) => ({
            name: `${name}_bucket`,
            labels: { ...labels, le: String(le) },
            value: counts[index] ?? 0,
          })),
          { name: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count },
          { name: `${name}_sum`, labels, value: sum },
          { name: `${name}_count`, labels, value: count },
        ]),
      }));
      return {
        observe(value, labels = {}) {
          const key = seriesKey(labels);
          let entry = series.get(key);
          if (!entry) {
            entry = { labels, counts: buckets.map(() => 0), sum: 0, count: 0 };
            series.set(key, entry);
          }
          // Cumulative, as the format wants: a value counts in every bucket at or above it.
          buckets.forEach((le, index) => {
            if (value <= le && entry) entry.counts[index] = (entry.counts[index] ?? 0) + 1;
          });
          entry.sum += value;
          entry.count += 1;
        },
      };
    },
    async render() {
      return renderPrometheusText(await Promise.all(families.map((collect) => collect())));
    },
  };
}
