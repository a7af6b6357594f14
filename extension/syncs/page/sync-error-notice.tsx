import type { SyncView } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { describeSyncError } from '../describe-sync-error.ts';

/** Why an errored sync stopped and how to fix it, in the catalog's words; then Resume. */
export function SyncErrorNotice({ sync }: { sync: Pick<SyncView, 'error' | 'adAccountId'> }) {
  const { title, explanation, steps } = describeSyncError(sync);
  return (
    <ProblemNotice
      problem={{ title, explanation, steps: [...steps, en.syncs.resumeAfterFix] }}
      live={false}
    />
  );
}
