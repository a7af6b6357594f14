import type { HostPermissions } from '../permissions/host-permissions.ts';
import type { BackgroundBraze } from '../ui/background-braze.ts';
import type { BackgroundDashboards } from '../ui/background-dashboards.ts';
import type { BackgroundFacebook } from '../ui/background-facebook.ts';
import { brazeSection } from './braze/braze-section.tsx';
import { dashboardsSection } from './dashboards/dashboards-section.tsx';
import { facebookSection } from './facebook/facebook-section.tsx';
import type { OptionsSection } from './options-section.ts';

export interface OptionsSectionsDeps {
  facebook: BackgroundFacebook;
  braze: BackgroundBraze;
  dashboards: BackgroundDashboards;
  permissions: HostPermissions;
}

/**
 * The options page's sections after "Relay", in page order. Sources and Consent defaults
 * join here as each one is built; a section that cannot do anything yet is not listed.
 */
export function optionsSections({
  facebook,
  braze,
  dashboards,
  permissions,
}: OptionsSectionsDeps): readonly OptionsSection[] {
  return [
    facebookSection(facebook),
    brazeSection(braze),
    dashboardsSection(dashboards, permissions),
  ];
}
