import type { OptionsSection } from './options-section.ts';

/**
 * The options page's sections after "Relay", in page order. Facebook (admin-only), Sources
 * (admin-only) and Consent defaults join here as each one is built; a section that cannot do
 * anything yet is not listed.
 */
export const OPTIONS_SECTIONS: readonly OptionsSection[] = [];
