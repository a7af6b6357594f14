import { MATCH_KEY_LABELS } from '../../../shared/match-keys/keys.ts';
import type { SyncView } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';

/** One line saying what a sync does: action and audience, ad account, fields. */
export function describeSync(
  sync: Pick<SyncView, 'action' | 'audience' | 'adAccountId' | 'fields'>,
): string {
  return en.syncs.detail.describe({
    action: sync.action,
    audience: sync.audience?.name ?? sync.audience?.facebookAudienceId ?? null,
    adAccountId: sync.adAccountId,
    fields: sync.fields.map((key) => MATCH_KEY_LABELS[key]).join(', '),
  });
}
