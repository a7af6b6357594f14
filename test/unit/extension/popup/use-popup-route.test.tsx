import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { usePopupRoute } from '../../../../extension/popup/use-popup-route.ts';
import { button, click, mount, pageText } from '../support/render-page.ts';

/** Shows the route as text, with the header's step and a way to open a report. */
function Harness({ reportOf, hasSegment }: { reportOf: string | null; hasSegment: boolean }) {
  const { route, openReport, step } = usePopupRoute(reportOf, hasSegment);
  return (
    <div>
      <p>{route.to === 'report' ? `report ${route.exportId}` : route.to}</p>
      {step && (
        <button type="button" onClick={step.go}>
          {step.label}
        </button>
      )}
      <button type="button" onClick={() => openReport('exp_2')}>
        open
      </button>
    </div>
  );
}

const shown = () => document.querySelector('p')?.textContent;

describe('the popup’s route', () => {
  it('starts on the tab, offering the history when the tab shows a segment', async () => {
    await mount(<Harness reportOf={null} hasSegment />);
    expect(shown()).toBe('tab');
    await click(button(en.popup.history));
    expect(shown()).toBe('history');
    await click(button('open'));
    expect(shown()).toBe('report exp_2');
    await click(button(en.popup.back));
    expect(shown()).toBe('history');
    await click(button(en.popup.back));
    expect(shown()).toBe('tab');
  });

  it('offers no step on a tab without a segment, where the history already shows', async () => {
    await mount(<Harness reportOf={null} hasSegment={false} />);
    expect(pageText()).not.toContain(en.popup.history);
    expect(pageText()).not.toContain(en.popup.back);
    await click(button('open'));
    await click(button(en.popup.back));
    expect(shown()).toBe('tab');
  });

  it('opened on an export, starts on its report and steps back to the history', async () => {
    await mount(<Harness reportOf="exp_9" hasSegment={false} />);
    expect(shown()).toBe('report exp_9');
    await click(button(en.popup.back));
    expect(shown()).toBe('history');
  });
});
