import { useState } from 'preact/hooks';
import { en } from '../i18n/en.ts';

/** What the popup shows: the tab's segment, the workspace's export history, or one report. */
export type PopupRoute =
  | { to: 'tab' }
  | { to: 'history' }
  /** `back`: where Back returns to. */
  | { to: 'report'; exportId: string; back: 'tab' | 'history' };

/** A step the popup's header offers: Back, or the history from a segment page. */
export interface PopupStep {
  label: string;
  go: () => void;
}

/**
 * Where the popup is: on one export's report when opened on it (`reportOf`), else on the tab.
 * The header steps back from the history or a report, and to the history from a segment page
 * (a tab without a segment shows the history already).
 */
export function usePopupRoute(reportOf: string | null, tabHasSegment: boolean) {
  const [route, setRoute] = useState<PopupRoute>(
    reportOf ? { to: 'report', exportId: reportOf, back: 'history' } : { to: 'tab' },
  );
  const openReport = (exportId: string) =>
    setRoute({ to: 'report', exportId, back: route.to === 'history' ? 'history' : 'tab' });
  const step: PopupStep | null =
    route.to !== 'tab'
      ? {
          label: en.popup.back,
          go: () => setRoute({ to: route.to === 'report' ? route.back : 'tab' }),
        }
      : tabHasSegment
        ? { label: en.popup.history, go: () => setRoute({ to: 'history' }) }
        : null;
  return { route, openReport, step };
}
