import { describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { SyncChart } from '../../../../../extension/syncs/page/sync-chart.tsx';
import { mount } from '../../support/render-page.ts';
import { metrics } from '../sync-fixtures.ts';

const text = en.syncs.chart;

describe('the sync chart', () => {
  it('describes the window and its totals for screen readers', async () => {
    await mount(<SyncChart metrics={metrics()} hours={1} timeZone="UTC" />);
    const image = document.querySelector('svg[role="img"]');
    expect(image?.getAttribute('aria-label')).toBe(
      text.summary(1, 'Entered 120, Synced 100, Not synced 5, Errored 1'),
    );
  });

  it('draws a line per series and labels the time axis', async () => {
    await mount(<SyncChart metrics={metrics()} hours={1} timeZone="UTC" />);
    const series = [...document.querySelectorAll('polyline')].map((line) =>
      line.getAttribute('data-series'),
    );
    expect(series).toEqual(['entered', 'synced', 'notSynced', 'errored']);
    const labels = [...document.querySelectorAll('svg[role="img"] text')].map((t) => t.textContent);
    expect(labels).toContain('11:30');
    expect(labels).toContain('60');
  });

  it('has the same numbers as a table, one row per minute with activity', async () => {
    await mount(<SyncChart metrics={metrics()} hours={1} timeZone="UTC" />);
    const rows = [...document.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['11:30', '60', '50', '2', '0'],
      ['11:45', '60', '50', '3', '1'],
    ]);
  });

  it('says when nothing happened', async () => {
    await mount(<SyncChart metrics={metrics({ series: [] })} hours={6} timeZone="UTC" />);
    expect(document.querySelector('table')).toBeNull();
    expect(document.body.textContent).toContain(text.empty);
  });
});
