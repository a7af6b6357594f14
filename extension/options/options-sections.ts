import type { HostPermissions } from '../permissions/host-permissions.ts';
import type { BackgroundConsentDefaults } from '../ui/background-consent-defaults.ts';
import type { BackgroundDashboards } from '../ui/background-dashboards.ts';
import type { BackgroundFacebook } from '../ui/background-facebook.ts';
import { consentDefaultsSection } from './consent/consent-defaults-section.tsx';
import { dashboardsSection } from './dashboards/dashboards-section.tsx';
import { facebookSection } from './facebook/facebook-section.tsx';
import type { OptionsSection } from './options-section.ts';

export interface OptionsSectionsDeps {
  facebook: BackgroundFacebook;
  dashboards: BackgroundDashboards;
  permissions: HostPermissions;
  consent: BackgroundConsentDefaults;
}

/**
 * The options page's sections after "Relay", in page order. Sources and Consent defaults
 * join here as each one is built; a section that cannot do anything yet is not listed.
 */
export function optionsSections({
  facebook,
  dashboards,
  permissions,
  consent,
}: OptionsSectionsDeps): readonly OptionsSection[] {
  return [
    facebookSection(facebook),
    consentDefaultsSection(consent),
    dashboardsSection(dashboards, permissions),
  ];
}
