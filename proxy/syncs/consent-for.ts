import { type ConsentSettings, resolveConsentSettings } from '../../shared/consent-settings.ts';
import type { ConsentDefaultsRepository } from '../store/consent-defaults.ts';
import type { SyncRecord } from '../store/syncs.ts';

/**
 * The consent filters a sync applies to the users it ingests now: its own choices over its
 * workspace's current defaults. Unlike an export, which fixes its filters when created, a
 * sync runs for months, so tightening the workspace's defaults applies to it from the next
 * user on.
 */
export async function consentFor(
  consentDefaults: ConsentDefaultsRepository,
  sync: Pick<SyncRecord, 'workspaceId' | 'consent'>,
): Promise<ConsentSettings> {
  const defaults = await consentDefaults.get(sync.workspaceId);
  return resolveConsentSettings(defaults?.settings, sync.consent);
}
