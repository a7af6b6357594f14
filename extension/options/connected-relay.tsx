import { useEffect, useRef } from 'preact/hooks';
import { en } from '../i18n/en.ts';
import type { ConnectedStatus, RelayConnection } from '../relay/relay-status.ts';
import { ActionButton } from '../ui/action-button.tsx';

const text = en.options.relay;

export interface ConnectedRelayProps {
  connection: RelayConnection;
  status: ConnectedStatus;
  forgetting: boolean;
  onForget: () => void;
  /** Just connected: focus the heading so the result is announced and easy to find. */
  focusOnMount?: boolean;
}

/** The working relay: its workspace, the key's role, and the way to remove it. */
export function ConnectedRelay({
  connection,
  status,
  forgetting,
  onForget,
  focusOnMount = false,
}: ConnectedRelayProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const { workspace, role } = status;
  return (
    <div class="connected-relay">
      <div class="ar-notice ar-notice--success" role="status">
        <h3 ref={heading} tabIndex={-1} class="ar-notice__title">
          {text.connectedTo(workspace.name)}
        </h3>
      </div>
      <dl class="ar-facts">
        <dt>{text.role}</dt>
        <dd>
          <span class="ar-badge">{en.roles[role].name}</span>{' '}
          <span class="ar-muted">{en.roles[role].description}</span>
        </dd>
        <dt>{text.address}</dt>
        <dd class="ar-mono">{connection.url}</dd>
        <dt>{text.key}</dt>
        <dd class="ar-mono">{text.keyShown(connection.keyId)}</dd>
      </dl>
      <div>
        <ActionButton
          variant="danger"
          busy={forgetting}
          busyLabel={text.forgetting}
          onClick={onForget}
        >
          {text.forget}
        </ActionButton>
      </div>
    </div>
  );
}
