import { describe, expect, it } from 'vitest';
import {
  chartGeometry,
  DEFAULT_BOX,
  minuteValues,
  niceScale,
  tickInterval,
} from '../../../../../extension/syncs/page/chart-geometry.ts';
import { metrics } from '../sync-fixtures.ts';

const MINUTE = 60_000;

describe('minuteValues', () => {
  it('has one value per minute of the window, zero where the relay sent nothing', () => {
    const { start, end, values } = minuteValues(metrics());
    expect(start).toBe(Date.parse('2026-11-22T11:00:00Z'));
    expect(end).toBe(Date.parse('2026-11-22T12:00:00Z'));
    expect(values.entered).toHaveLength(61);
    expect(values.entered[30]).toBe(60);
    expect(values.errored[45]).toBe(1);
    expect(values.synced.reduce((a, b) => a + b, 0)).toBe(100);
    expect(values.synced[0]).toBe(0);
  });

  it('drops points outside the window rather than drawing them off the chart', () => {
    const { values } = minuteValues(
      metrics({
        series: [
          { minute: '2026-11-22T10:59:00Z', entered: 9, synced: 9, notSynced: 0, errored: 0 },
        ],
      }),
    );
    expect(values.entered.every((value) => value === 0)).toBe(true);
  });
});

describe('niceScale', () => {
  it.each([
    [0, 1, 4],
    [3, 1, 3],
    [40, 10, 40],
    [45, 20, 60],
    [1234, 500, 1500],
  ])('for a highest value of %i steps by %i up to %i', (highest, step, top) => {
    expect(niceScale(highest)).toEqual({ step, top });
  });
});

describe('tickInterval', () => {
  it('labels about every hour over 6 hours, every 10 minutes over one', () => {
    expect(tickInterval(6 * 60 * MINUTE)).toBe(60 * MINUTE);
    expect(tickInterval(60 * MINUTE)).toBe(10 * MINUTE);
    expect(tickInterval(48 * 60 * MINUTE)).toBe(360 * MINUTE);
  });
});

describe('chartGeometry', () => {
  const geometry = chartGeometry(metrics());
  const points = (line: string) => line.split(' ').map((pair) => pair.split(',').map(Number));

  it('spans the plot from the first minute to the last', () => {
    const synced = points(geometry.lines.synced);
    expect(synced).toHaveLength(61);
    expect(synced[0]?.[0]).toBe(DEFAULT_BOX.left);
    expect(synced.at(-1)?.[0]).toBe(DEFAULT_BOX.width - DEFAULT_BOX.right);
  });

  it('puts zero on the baseline and the highest value on its tick', () => {
    const baseline = DEFAULT_BOX.height - DEFAULT_BOX.bottom;
    const entered = points(geometry.lines.entered);
    expect(entered[0]?.[1]).toBe(baseline);
    const top = geometry.yTicks.at(-1);
    expect(top?.value).toBe(60);
    expect(entered[30]?.[1]).toBe(top?.at);
    expect(geometry.yTicks.map((tick) => tick.value)).toEqual([0, 20, 40, 60]);
  });

  it('labels the time axis on round times inside the window', () => {
    expect(geometry.xTicks.map((tick) => new Date(tick.value).toISOString().slice(11, 16))).toEqual(
      ['11:00', '11:10', '11:20', '11:30', '11:40', '11:50', '12:00'],
    );
  });

  it('draws a flat line for a window with nothing in it', () => {
    const empty = chartGeometry(metrics({ series: [] }));
    const ys = new Set(points(empty.lines.entered).map(([, y]) => y));
    expect([...ys]).toEqual([DEFAULT_BOX.height - DEFAULT_BOX.bottom]);
  });
});
