import { en } from '../../i18n/en.ts';
import type { BackgroundBraze } from '../../ui/background-braze.ts';
import type { OptionsSection, SectionProps } from '../options-section.ts';
import { BrazeSettings } from './braze-settings.tsx';

/**
 * The Braze REST source. Not admin-only: marketers see whether Braze is connected (without
 * it, segment pages cannot be exported), with "ask an admin" in place of the form.
 */
export function brazeSection(braze: BackgroundBraze): OptionsSection {
  return {
    id: 'braze-heading',
    title: en.options.braze.heading,
    intro: en.options.braze.intro,
    adminOnly: false,
    Content: ({ connection, status }: SectionProps) => (
      <BrazeSettings braze={braze} relayUrl={connection.url} isAdmin={status.role === 'admin'} />
    ),
  };
}
