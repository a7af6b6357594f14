import { type ConsentSettings, resolveConsentSettings } from '../../../shared/consent-settings.ts';
import type { ConsentDefaultsRepository } from '../../store/consent-defaults.ts';

/**
 * A workspace's consent defaults, whole: what it saved over the built-in ones. Exports and
 * continuous syncs start from these; each resolves its own choices over them once, when it
 * is created, and keeps the result (a later change of defaults never alters it).
 */
export async function consentDefaultsFor(
  store: { consentDefaults: ConsentDefaultsRepository },
  workspaceId: string,
): Promise<ConsentSettings> {
  return resolveConsentSettings((await store.consentDefaults.get(workspaceId))?.settings);
}
