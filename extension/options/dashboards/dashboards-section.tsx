import { en } from '../../i18n/en.ts';
import type { HostPermissions } from '../../permissions/host-permissions.ts';
import type { BackgroundDashboards } from '../../ui/background-dashboards.ts';
import type { OptionsSection } from '../options-section.ts';
import { ExtraDashboardHostsSettings } from './extra-dashboard-hosts-settings.tsx';

/** Extra dashboard hosts: admins decide where the export action appears. */
export function dashboardsSection(
  dashboards: BackgroundDashboards,
  permissions: HostPermissions,
): OptionsSection {
  return {
    id: 'dashboards-heading',
    title: en.options.dashboards.heading,
    intro: en.options.dashboards.intro,
    adminOnly: true,
    Content: () => (
      <ExtraDashboardHostsSettings dashboards={dashboards} permissions={permissions} />
    ),
  };
}
