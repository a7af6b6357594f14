import type { HostPermissions } from '../permissions/host-permissions.ts';
import type { BackgroundBraze } from '../ui/background-braze.ts';
import type { BackgroundConsentDefaults } from '../ui/background-consent-defaults.ts';
import type { BackgroundDashboards } from '../ui/background-dashboards.ts';
import type { BackgroundFacebook } from '../ui/background-facebook.ts';
import { brazeSection } from './braze/braze-section.tsx';
import { consentDefaultsSection } from './consent/consent-defaults-section.tsx';
import { dashboardsSection } from './dashboards/dashboards-section.tsx';
import { facebookSection } from './facebook/facebook-section.tsx';
import type { OptionsSection } from './options-section.ts';

export interface OptionsSectionsDeps {
  facebook: BackgroundFacebook;
  braze: BackgroundBraze;
  dashboards: BackgroundDashboards;
  permissions: HostPermissions;
  consent: BackgroundConsentDefaults;
}

/**
 * The options page's sections after "Relay", in page order; a section that cannot do
 * anything yet is not listed.
 */
export function optionsSections({
  facebook,
  braze,
  dashboards,
  permissions,
  consent,
}: OptionsSectionsDeps): readonly OptionsSection[] {
  return [
    facebookSection(facebook),
    brazeSection(braze),
    consentDefaultsSection(consent),
    dashboardsSection(dashboards, permissions),
  ];
}
