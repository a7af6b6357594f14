import { en } from '../i18n/en.ts';
import type { HostPermissions } from '../permissions/host-permissions.ts';
import type { BackgroundRelay } from '../ui/background-relay.ts';
import { BrandMark } from '../ui/brand-mark.tsx';
import { useRelayConnection } from '../ui/use-relay-connection.ts';
import type { OptionsSection } from './options-section.ts';
import { RelaySection } from './relay-section.tsx';

export interface OptionsPageProps {
  relay: BackgroundRelay;
  permissions: HostPermissions;
  /** The sections after "Relay", in page order; shown once the relay is connected. */
  sections: readonly OptionsSection[];
}

/** The extension's settings: the relay first, then each section that needs it. */
export function OptionsPage({ relay, permissions, sections }: OptionsPageProps) {
  const [view, setConnection] = useRelayConnection(relay);
  const connection = view.phase === 'ready' ? view.connection : null;
  const status = connection?.status.state === 'connected' ? connection.status : null;
  return (
    <div class="options">
      <header class="options__header">
        <div class="options__header-inner">
          <BrandMark size={36} />
          <div class="options__heading">
            <h1>{en.options.pageTitle}</h1>
            <p>{en.options.tagline}</p>
          </div>
          <a class="options__link" href="syncs.html">
            {en.syncs.openSyncs}
          </a>
        </div>
      </header>
      <main class="options__main">
        <RelaySection
          view={view}
          relay={relay}
          permissions={permissions}
          onConnectionChange={setConnection}
        />
        {connection &&
          status &&
          sections.map(({ id, title, intro, adminOnly, Content }) => (
            <section key={id} class="ar-card options-section" aria-labelledby={id}>
              <header class="options-section__header">
                <h2 id={id}>{title}</h2>
                {intro && <p class="ar-muted">{intro}</p>}
              </header>
              {adminOnly && status.role !== 'admin' ? (
                <div class="ar-notice ar-notice--info">
                  <p class="ar-notice__title">{en.options.adminOnly.heading}</p>
                  <p>{en.options.adminOnly.text(title)}</p>
                </div>
              ) : (
                <Content connection={connection} status={status} />
              )}
            </section>
          ))}
      </main>
    </div>
  );
}
