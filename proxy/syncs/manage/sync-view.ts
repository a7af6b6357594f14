import { adsManagerUrl } from '../../../shared/relay-api/exports.ts';
import type { SyncView } from '../../../shared/relay-api/syncs.ts';
import type { SyncRecord } from '../../store/syncs.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** `<public base>/v1/ingest/<id>`: where a journey POSTs the sync's users. */
const ingestUrl = (publicBase: string, syncId: string) =>
  `${publicBase}/v1/ingest/${encodeURIComponent(syncId)}`;

/** A sync as the API shows it; `pending` is the length of its queue. */
export function syncView(sync: SyncRecord, pending: number, publicBase: string): SyncView {
  const audienceId = sync.facebookAudienceId;
  return {
    id: sync.id,
    name: sync.name,
    status: sync.status,
    adAccountId: sync.adAccountId,
    audience: sync.audienceKind && {
      kind: sync.audienceKind,
      name: sync.audienceName,
      facebookAudienceId: audienceId,
      adsManagerUrl:
        audienceId && sync.adAccountId ? adsManagerUrl(sync.adAccountId, audienceId) : null,
    },
    action: sync.action,
    fields: sync.fields,
    consent: sync.consent,
    defaultCountry: sync.defaultCountry,
    ingestUrl: ingestUrl(publicBase, sync.id),
    error: sync.error,
    counts: { ...sync.counts, pending },
    createdAt: sync.createdAt.toISOString(),
    updatedAt: sync.updatedAt.toISOString(),
    launchedAt: iso(sync.launchedAt),
  };
}
