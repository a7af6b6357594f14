import { en } from '../../i18n/en.ts';
import type { BackgroundConsentDefaults } from '../../ui/background-consent-defaults.ts';
import type { OptionsSection, SectionProps } from '../options-section.ts';
import { ConsentDefaultsSettings } from './consent-defaults-settings.tsx';

/**
 * Consent defaults. Not admin-only: marketers read what their exports start from, with a note
 * that an admin changes it.
 */
export function consentDefaultsSection(consent: BackgroundConsentDefaults): OptionsSection {
  return {
    id: 'consent-heading',
    title: en.options.consent.heading,
    adminOnly: false,
    Content: ({ connection, status }: SectionProps) => (
      <ConsentDefaultsSettings
        consent={consent}
        relayUrl={connection.url}
        isAdmin={status.role === 'admin'}
      />
    ),
  };
}
