import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ExportProgress } from '../../../../../extension/popup/exports/export-progress.tsx';
import { trackedJob } from '../../exports/tracked-export-fixture.ts';
import { button, click, mount, pageText } from '../../support/render-page.ts';

const text = en.exports;
const liveLine = () => document.querySelector('[aria-live="polite"]')?.textContent;

describe('an export’s progress', () => {
  it('names the phase and the audience being sent while it runs', async () => {
    await mount(
      <ExportProgress
        job={trackedJob({ phase: 'uploading', audience: 'PHONE' })}
        onCancel={async () => {}}
      />,
    );
    expect(document.querySelector('h2')?.textContent).toBe(text.progressHeading);
    expect(liveLine()).toBe(`${text.phases.uploading} · Phone number`);
  });

  it.each(['done', 'failed', 'cancelled'] as const)(
    'names the %s phase once, in its heading, and says what it means in the live line',
    async (phase) => {
      await mount(<ExportProgress job={trackedJob({ phase })} onCancel={async () => {}} />);
      expect(document.querySelector('h2')?.textContent).toBe(text.phases[phase]);
      expect(liveLine()).toBe(text.outcome[phase]);
      expect(pageText().split(text.phases[phase])).toHaveLength(2);
    },
  );

  it('opens the report and offers another export once ended', async () => {
    const onOpenReport = vi.fn();
    const onNewExport = vi.fn();
    await mount(
      <ExportProgress
        job={trackedJob({ phase: 'done' })}
        onCancel={async () => {}}
        onOpenReport={onOpenReport}
        onNewExport={onNewExport}
      />,
    );
    await click(button(text.openReport));
    expect(onOpenReport).toHaveBeenCalledOnce();
    await click(button(text.newExport));
    expect(onNewExport).toHaveBeenCalledOnce();
  });

  it('offers neither while it runs', async () => {
    await mount(
      <ExportProgress
        job={trackedJob({ phase: 'filtering' })}
        onCancel={async () => {}}
        onOpenReport={vi.fn()}
        onNewExport={vi.fn()}
      />,
    );
    expect(pageText()).not.toContain(text.openReport);
    expect(pageText()).not.toContain(text.newExport);
  });
});
