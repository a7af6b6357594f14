import type { SyncStatus } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';

/** The status as a coloured label whose words carry the meaning, not the colour. */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  return (
    <span class={`ar-badge sync-status sync-status--${status}`}>{en.syncs.status[status]}</span>
  );
}
