import { useEffect, useState } from 'preact/hooks';
import { CONSENT_FILTERS, type ConsentFilter } from '../../../shared/consent-settings.ts';
import type { ConsentDefaultsResponse } from '../../../shared/relay-api/consent.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundConsentDefaults } from '../../ui/background-consent-defaults.ts';
import { type Explanation, explainRelayReply } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { TextField } from '../../ui/text-field.tsx';
import {
  type AttributeField,
  type ConsentDraft,
  checkDraft,
  draftOf,
  type SwitchField,
} from './consent-draft.ts';

const text = en.options.consent;

export interface ConsentDefaultsSettingsProps {
  consent: BackgroundConsentDefaults;
  relayUrl: string;
  isAdmin: boolean;
}

type Loaded =
  | { phase: 'loading' }
  | { phase: 'problem'; problem: Explanation }
  | { phase: 'ready'; saved: ConsentDefaultsResponse };

/** Each filter's switch in the draft, and the attribute name it needs when on. */
const SWITCHES: Record<ConsentFilter, { on: SwitchField; attribute?: AttributeField }> = {
  opt_out: { on: 'optOut', attribute: 'optOutAttribute' },
  opt_in: { on: 'optIn', attribute: 'optInAttribute' },
  email_unsubscribed: { on: 'excludeEmailUnsubscribed' },
  ad_tracking: { on: 'requireAdTrackingForDeviceIds' },
};

/**
 * The workspace's consent defaults: admins edit them, marketers read them (their exports
 * start from them). What the relay saved is shown until a save succeeds.
 */
export function ConsentDefaultsSettings({
  consent,
  relayUrl,
  isAdmin,
}: ConsentDefaultsSettingsProps) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setLoaded({ phase: 'loading' });
    void consent.get().then((reply) => {
      const result = explainRelayReply(reply, relayUrl);
      setLoaded(
        result.ok
          ? { phase: 'ready', saved: result.value }
          : { phase: 'problem', problem: result.problem },
      );
    });
  }, [consent, relayUrl, attempt]);

  if (loaded.phase === 'loading') return <p class="ar-muted">{text.loading}</p>;
  if (loaded.phase === 'problem') {
    return (
      <ProblemNotice problem={loaded.problem} live={false}>
        <ActionButton variant="secondary" onClick={() => setAttempt(attempt + 1)}>
          {text.retry}
        </ActionButton>
      </ProblemNotice>
    );
  }
  return (
    <div class="consent-defaults">
      <p class="ar-muted">{text.intro}</p>
      {isAdmin ? (
        <ConsentDefaultsForm
          consent={consent}
          relayUrl={relayUrl}
          saved={loaded.saved}
          onSaved={(saved) => setLoaded({ phase: 'ready', saved })}
        />
      ) : (
        <ConsentDefaultsSummary saved={loaded.saved} />
      )}
    </div>
  );
}

function savedNote(saved: ConsentDefaultsResponse): string {
  if (!saved.updatedAt) return text.builtIn;
  return text.lastSaved(
    new Date(saved.updatedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }),
  );
}

/** Marketers: what their exports start from, and who changes it. */
function ConsentDefaultsSummary({ saved }: { saved: ConsentDefaultsResponse }) {
  const draft = draftOf(saved.settings);
  return (
    <>
      <p class="ar-notice ar-notice--info">{text.readOnly}</p>
      <dl class="consent-defaults__summary">
        {CONSENT_FILTERS.map((filter) => {
          const { on, attribute } = SWITCHES[filter];
          return (
            <div key={filter} class="consent-defaults__filter">
              <dt>{text.filters[filter].label}</dt>
              <dd>
                <strong>{draft[on] ? text.on : text.off}</strong>
                {draft[on] && attribute && (
                  <span class="ar-mono"> · {text.attributeShown(draft[attribute])}</span>
                )}
                <p class="ar-hint">{text.filters[filter].explanation}</p>
              </dd>
            </div>
          );
        })}
      </dl>
      <p class="ar-hint">{savedNote(saved)}</p>
    </>
  );
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'problem'; problem: Explanation; attempt: number };

/** Admins: the four filters, their attribute names, Save. */
function ConsentDefaultsForm({
  consent,
  relayUrl,
  saved,
  onSaved,
}: {
  consent: BackgroundConsentDefaults;
  relayUrl: string;
  saved: ConsentDefaultsResponse;
  onSaved: (saved: ConsentDefaultsResponse) => void;
}) {
  const [draft, setDraft] = useState<ConsentDraft>(() => draftOf(saved.settings));
  const [errors, setErrors] = useState<Partial<Record<AttributeField, string>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const change = (patch: Partial<ConsentDraft>) => {
    setDraft({ ...draft, ...patch });
    setOutcome({ kind: 'none' });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`consent-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const result = explainRelayReply(await consent.save(checked.settings), relayUrl);
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      setDraft(draftOf(result.value.settings));
      setOutcome({ kind: 'saved' });
    } else {
      setOutcome((last) => ({
        kind: 'problem',
        problem: result.problem,
        attempt: last.kind === 'problem' ? last.attempt + 1 : 0,
      }));
    }
  };

  return (
    <form class="consent-defaults__form" onSubmit={submit} noValidate>
      <fieldset class="consent-defaults__filters">
        <legend>{text.filtersLegend}</legend>
        {CONSENT_FILTERS.map((filter) => {
          const { on, attribute } = SWITCHES[filter];
          const filterText = text.filters[filter];
          const id = `consent-filter-${filter}`;
          return (
            <div key={filter} class="consent-defaults__filter">
              <div class="consent-defaults__check">
                <input
                  id={id}
                  type="checkbox"
                  checked={draft[on]}
                  aria-describedby={`${id}-explanation`}
                  onChange={(e) => change({ [on]: e.currentTarget.checked })}
                />
                <label for={id}>{filterText.label}</label>
              </div>
              <p id={`${id}-explanation`} class="ar-hint consent-defaults__explanation">
                {filterText.explanation}
              </p>
              {attribute && draft[on] && 'attribute' in filterText && (
                <div class="consent-defaults__attribute">
                  <TextField
                    id={`consent-${attribute}`}
                    label={filterText.attribute}
                    hint={filterText.hint}
                    error={errors[attribute]}
                    value={draft[attribute]}
                    onValue={(value) => change({ [attribute]: value })}
                    mono
                  />
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
      {outcome.kind === 'saved' && (
        <p class="ar-notice ar-notice--success" role="status">
          {text.saved}
        </p>
      )}
      {outcome.kind === 'problem' && (
        <ProblemNotice key={outcome.attempt} problem={outcome.problem} focusOnMount />
      )}
      <div class="button-row">
        <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.saving}>
          {text.save}
        </ActionButton>
      </div>
      <p class="ar-hint">{savedNote(saved)}</p>
    </form>
  );
}
