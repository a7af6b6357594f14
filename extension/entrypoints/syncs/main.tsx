import '../../ui/theme.css';
import '../../syncs/page/syncs.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SyncsApp } from '../../syncs/page/syncs-app.tsx';
import { routeOf, searchOf } from '../../syncs/syncs-route.ts';
import { backgroundRelay } from '../../ui/background-relay.ts';
import { backgroundSyncs } from '../../ui/background-syncs.ts';

const root = document.getElementById('app');
if (root) {
  render(
    <SyncsApp
      relay={backgroundRelay}
      syncs={backgroundSyncs}
      clipboard={navigator.clipboard}
      openOptions={() => void browser.runtime.openOptionsPage()}
      initialRoute={routeOf(window.location.search)}
      onRoute={(route) => {
        history.replaceState(null, '', `${window.location.pathname}${searchOf(route)}`);
        window.scrollTo(0, 0);
      }}
    />,
    root,
  );
}
