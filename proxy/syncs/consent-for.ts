import { type ConsentSettings, resolveConsentSettings } from '../../shared/consent-settings.ts';
import type { SyncRecord } from '../store/syncs.ts';

/**
 * The consent filters a sync applies to each user it ingests: its own choices over the
 * built-in defaults. The one place the workspace's consent defaults will plug in.
 */
export function consentFor(sync: Pick<SyncRecord, 'consent'>): ConsentSettings {
  return resolveConsentSettings({}, sync.consent);
}
