import type { BackgroundFacebook } from '../ui/background-facebook.ts';
import { facebookSection } from './facebook/facebook-section.tsx';
import type { OptionsSection } from './options-section.ts';

export interface OptionsSectionsDeps {
  facebook: BackgroundFacebook;
}

/**
 * The options page's sections after "Relay", in page order. Sources and Consent defaults
 * join here as each one is built; a section that cannot do anything yet is not listed.
 */
export function optionsSections({ facebook }: OptionsSectionsDeps): readonly OptionsSection[] {
  return [facebookSection(facebook)];
}
