import { useEffect, useRef, useState } from 'preact/hooks';
import { en } from '../../i18n/en.ts';
import type { HostPermissions } from '../../permissions/host-permissions.ts';
import { checkExtraDashboardHost } from '../../segment-page/dashboard-host-input.ts';
import {
  type ExtraDashboardHost,
  extraDashboardHostPattern,
} from '../../segment-page/extra-dashboard-hosts.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundDashboards } from '../../ui/background-dashboards.ts';
import { type Explanation, explainMessageError } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { TextField } from '../../ui/text-field.tsx';

const text = en.options.dashboards;

export interface ExtraDashboardHostsSettingsProps {
  dashboards: BackgroundDashboards;
  permissions: HostPermissions;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'news'; message: string }
  | { kind: 'problem'; problem: Explanation; attempt: number };

/**
 * Dashboards beyond Braze's own: adding one asks the browser for access to its pages (inside
 * the click, as browsers require), then has the background run the segment-page script
 * there; removing one undoes both.
 */
export function ExtraDashboardHostsSettings({
  dashboards,
  permissions,
}: ExtraDashboardHostsSettingsProps) {
  const [hosts, setHosts] = useState<ExtraDashboardHost[] | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const input = useRef<HTMLInputElement>(null);
  const showProblem = (problem: Explanation) =>
    setOutcome((last) => ({
      kind: 'problem',
      problem,
      attempt: last.kind === 'problem' ? last.attempt + 1 : 0,
    }));

  useEffect(() => {
    void dashboards.list().then((reply) => {
      if (reply.ok) setHosts(reply.value);
      else showProblem(explainMessageError(reply.error));
    });
  }, [dashboards]);

  const add = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const check = checkExtraDashboardHost(address);
    if (!check.ok) {
      setError(check.error);
      input.current?.focus();
      return;
    }
    setError(undefined);
    // First, while the submit still counts as a user gesture.
    const granted = permissions.request(extraDashboardHostPattern(check.host));
    setBusy(true);
    void (async () => {
      const reply = (await granted) ? await dashboards.add(check.host) : null;
      setBusy(false);
      if (!reply) {
        const denied = text.permissionDenied;
        return showProblem({ ...denied, explanation: denied.explanation(check.host) });
      }
      if (!reply.ok) return showProblem(explainMessageError(reply.error));
      setHosts(reply.value);
      setAddress('');
      setOutcome({ kind: 'news', message: text.added(check.host) });
    })();
  };

  const remove = async (host: ExtraDashboardHost) => {
    const reply = await dashboards.remove(host);
    if (!reply.ok) return showProblem(explainMessageError(reply.error));
    // Least privilege: the page access went with the host.
    void permissions.release(extraDashboardHostPattern(host));
    setHosts(reply.value);
    setOutcome({ kind: 'news', message: text.removed(host) });
    input.current?.focus();
  };

  return (
    <div class="extra-dashboards">
      <p class="ar-hint">{text.builtIn}</p>
      {outcome.kind === 'problem' && (
        <ProblemNotice key={outcome.attempt} problem={outcome.problem} focusOnMount />
      )}
      {outcome.kind === 'news' && (
        <p class="ar-notice ar-notice--success" role="status">
          {outcome.message}
        </p>
      )}
      {hosts && (
        <div class="extra-dashboards__list">
          <h3>{text.listLabel}</h3>
          {hosts.length === 0 ? (
            <p class="ar-muted">{text.none}</p>
          ) : (
            <ul>
              {hosts.map((host) => (
                <li key={host} class="extra-dashboards__host">
                  <span class="ar-mono">{host}</span>
                  <ActionButton variant="secondary" onClick={() => void remove(host)}>
                    {text.remove(host)}
                  </ActionButton>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form class="extra-dashboards__form" onSubmit={add} noValidate>
        <TextField
          id="extra-dashboard-host"
          label={text.label}
          hint={text.hint}
          error={error}
          value={address}
          onValue={setAddress}
          inputRef={input}
          type="url"
          inputMode="url"
          placeholder="https://braze.example.com"
        />
        <div>
          <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.adding}>
            {text.add}
          </ActionButton>
        </div>
      </form>
    </div>
  );
}
