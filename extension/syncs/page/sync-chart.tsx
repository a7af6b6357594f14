import type { SyncMetricsResponse } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { formatCount } from '../../ui/format.ts';
import { CHART_SERIES, type ChartSeriesKey, chartGeometry } from './chart-geometry.ts';

const text = en.syncs.chart;

/** Colours at 4.5:1 or more on white; dashes tell the lines apart without colour. */
const STYLE: Record<ChartSeriesKey, { color: string; dash?: string }> = {
  entered: { color: '#1a5fd0' },
  synced: { color: '#067647' },
  notSynced: { color: '#8a5a00', dash: '6 4' },
  errored: { color: '#b42318', dash: '2 3' },
};

export interface SyncChartProps {
  metrics: SyncMetricsResponse;
  hours: number;
  /** For the time labels; the browser's own zone unless given (tests pin one). */
  timeZone?: string;
}

/**
 * The per-minute series of the last hours as lines, with both axes labelled; the same
 * numbers are in a table below it for screen readers and anyone who prefers figures.
 */
export function SyncChart({ metrics, hours, timeZone }: SyncChartProps) {
  const geometry = chartGeometry(metrics);
  const { box } = geometry;
  const time = new Intl.DateTimeFormat('en', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const totals = Object.fromEntries(
    CHART_SERIES.map((key) => [key, metrics.series.reduce((sum, point) => sum + point[key], 0)]),
  ) as Record<ChartSeriesKey, number>;
  const summary = text.summary(
    hours,
    CHART_SERIES.map((key) => `${text.series[key]} ${formatCount(totals[key])}`).join(', '),
  );
  return (
    <figure class="sync-chart">
      <ul class="sync-chart__legend" aria-hidden="true">
        {CHART_SERIES.map((key) => (
          <li key={key}>
            <svg width="24" height="10" aria-hidden="true">
              <line
                x1="0"
                y1="5"
                x2="24"
                y2="5"
                stroke={STYLE[key].color}
                stroke-width="2.5"
                stroke-dasharray={STYLE[key].dash}
              />
            </svg>
            {text.series[key]}
          </li>
        ))}
      </ul>
      <svg
        class="sync-chart__plot"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={summary}
      >
        {geometry.yTicks.map((tick) => (
          <g key={`y${tick.value}`}>
            <line
              x1={box.left}
              x2={box.width - box.right}
              y1={tick.at}
              y2={tick.at}
              class="sync-chart__grid"
            />
            <text x={box.left - 8} y={tick.at + 4} text-anchor="end" class="sync-chart__label">
              {formatCount(tick.value)}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick) => (
          <text
            key={`x${tick.value}`}
            x={tick.at}
            y={box.height - 8}
            text-anchor="middle"
            class="sync-chart__label"
          >
            {time.format(tick.value)}
          </text>
        ))}
        {CHART_SERIES.map((key) => (
          <polyline
            key={key}
            points={geometry.lines[key]}
            fill="none"
            stroke={STYLE[key].color}
            stroke-width="2"
            stroke-dasharray={STYLE[key].dash}
            stroke-linejoin="round"
            data-series={key}
          />
        ))}
      </svg>
      <figcaption class="ar-hint">{summary}</figcaption>
      <details class="sync-chart__table">
        <summary>{text.showTable}</summary>
        {metrics.series.length === 0 ? (
          <p class="ar-muted">{text.empty}</p>
        ) : (
          <table>
            <caption class="ar-visually-hidden">{text.tableCaption(hours)}</caption>
            <thead>
              <tr>
                <th scope="col">{text.minute}</th>
                {CHART_SERIES.map((key) => (
                  <th key={key} scope="col">
                    {text.series[key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {metrics.series.map((point) => (
                <tr key={point.minute}>
                  <th scope="row">{time.format(Date.parse(point.minute))}</th>
                  {CHART_SERIES.map((key) => (
                    <td key={key}>{formatCount(point[key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
