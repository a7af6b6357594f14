import type { SyncMetricsResponse } from '../../../shared/relay-api/syncs.ts';

/** The series the chart draws, in legend order. */
export const CHART_SERIES = ['entered', 'synced', 'notSynced', 'errored'] as const;
export type ChartSeriesKey = (typeof CHART_SERIES)[number];

const MINUTE = 60_000;

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export const DEFAULT_BOX: ChartBox = {
  width: 720,
  height: 240,
  left: 52,
  bottom: 28,
  top: 12,
  right: 12,
};

export interface ChartTick {
  /** Pixel position along its axis. */
  at: number;
  value: number;
}

export interface ChartGeometry {
  box: ChartBox;
  /** SVG polyline points for each series, one point per minute of the window. */
  lines: Record<ChartSeriesKey, string>;
  yTicks: ChartTick[];
  /** `value` is the tick's time (ms since the epoch). */
  xTicks: ChartTick[];
  /** The window's first and last minutes (ms since the epoch). */
  start: number;
  end: number;
}

/**
 * Per-minute values over the whole window, zeros where the relay omitted a minute (it sends
 * only minutes with something in them).
 */
export function minuteValues(metrics: Pick<SyncMetricsResponse, 'series' | 'from' | 'to'>) {
  const start = floorMinute(Date.parse(metrics.from));
  const end = Math.max(start, floorMinute(Date.parse(metrics.to)));
  const length = (end - start) / MINUTE + 1;
  const values = Object.fromEntries(
    CHART_SERIES.map((key) => [key, new Array<number>(length).fill(0)]),
  ) as Record<ChartSeriesKey, number[]>;
  for (const point of metrics.series) {
    const index = (floorMinute(Date.parse(point.minute)) - start) / MINUTE;
    if (index < 0 || index >= length) continue;
    for (const key of CHART_SERIES) values[key][index] = point[key];
  }
  return { start, end, values };
}

/** Where everything goes in the chart: lines, and the ticks of both axes. */
export function chartGeometry(
  metrics: Pick<SyncMetricsResponse, 'series' | 'from' | 'to'>,
  box: ChartBox = DEFAULT_BOX,
): ChartGeometry {
  const { start, end, values } = minuteValues(metrics);
  const highest = Math.max(0, ...CHART_SERIES.flatMap((key) => values[key]));
  const { step, top } = niceScale(highest);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (time: number) =>
    box.left + (end === start ? 0 : ((time - start) / (end - start)) * plotWidth);
  const y = (value: number) => box.top + plotHeight - (value / top) * plotHeight;
  const lines = Object.fromEntries(
    CHART_SERIES.map((key) => [
      key,
      values[key]
        .map((value, index) => `${round(x(start + index * MINUTE))},${round(y(value))}`)
        .join(' '),
    ]),
  ) as Record<ChartSeriesKey, string>;
  const yTicks: ChartTick[] = [];
  for (let value = 0; value <= top; value += step) yTicks.push({ at: round(y(value)), value });
  const every = tickInterval(end - start);
  const xTicks: ChartTick[] = [];
  for (let time = Math.ceil(start / every) * every; time <= end; time += every) {
    xTicks.push({ at: round(x(time)), value: time });
  }
  return { box, lines, yTicks, xTicks, start, end };
}

/** A round step (1, 2 or 5 × 10ⁿ) giving at most four steps up to at least `highest`. */
export function niceScale(highest: number): { step: number; top: number } {
  if (highest <= 0) return { step: 1, top: 4 };
  const rough = highest / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ??
    10 * magnitude;
  const wholeStep = Math.max(1, step);
  return { step: wholeStep, top: Math.ceil(highest / wholeStep) * wholeStep };
}

/** Time labels every 10 minutes to 6 hours, so the axis shows about 4 to 8 of them. */
export function tickInterval(spanMs: number): number {
  const choices = [10, 15, 30, 60, 120, 180, 360].map((minutes) => minutes * MINUTE);
  return choices.find((choice) => spanMs / choice <= 8) ?? 720 * MINUTE;
}

const floorMinute = (time: number) => Math.floor(time / MINUTE) * MINUTE;
const round = (value: number) => Math.round(value * 10) / 10;
