import '../../ui/theme.css';
import '../../options/options.css';
import { render } from 'preact';
import { OptionsPage } from '../../options/options-page.tsx';
import { optionsSections } from '../../options/options-sections.ts';
import { browserHostPermissions } from '../../permissions/host-permissions.ts';
import { backgroundBraze } from '../../ui/background-braze.ts';
import { backgroundDashboards } from '../../ui/background-dashboards.ts';
import { backgroundFacebook } from '../../ui/background-facebook.ts';
import { backgroundRelay } from '../../ui/background-relay.ts';

const root = document.getElementById('app');
if (root) {
  const permissions = browserHostPermissions();
  render(
    <OptionsPage
      relay={backgroundRelay}
      permissions={permissions}
      sections={optionsSections({
        facebook: backgroundFacebook,
        braze: backgroundBraze,
        dashboards: backgroundDashboards,
        permissions,
      })}
    />,
    root,
  );
}
