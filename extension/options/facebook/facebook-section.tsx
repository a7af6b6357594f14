import { en } from '../../i18n/en.ts';
import type { BackgroundFacebook } from '../../ui/background-facebook.ts';
import type { OptionsSection, SectionProps } from '../options-section.ts';
import { FacebookSettings } from './facebook-settings.tsx';

/**
 * The Facebook section. Not admin-only: marketers see the connection's health too (they are
 * the ones whose exports it stops), with "ask an admin" in place of the buttons.
 */
export function facebookSection(facebook: BackgroundFacebook): OptionsSection {
  return {
    id: 'facebook-heading',
    title: en.options.facebook.heading,
    intro: en.options.facebook.intro,
    adminOnly: false,
    Content: ({ connection, status }: SectionProps) => (
      <FacebookSettings
        facebook={facebook}
        relayUrl={connection.url}
        isAdmin={status.role === 'admin'}
      />
    ),
  };
}
