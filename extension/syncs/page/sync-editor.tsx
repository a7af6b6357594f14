import { useRef, useState } from 'preact/hooks';
import type { ConsentSettings } from '../../../shared/consent-settings.ts';
import { MATCH_KEY_LABELS, MATCH_KEYS, type MatchKey } from '../../../shared/match-keys/keys.ts';
import type { ConnectedAdAccountSummary } from '../../../shared/relay-api/facebook.ts';
import type { LaunchCheckResponse, SyncView } from '../../../shared/relay-api/syncs.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundSyncs } from '../../ui/background-syncs.ts';
import { ConfirmPanel } from '../../ui/confirm-panel.tsx';
import type { Explanation } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { AudiencePicker } from './audience-picker.tsx';
import { LaunchRefusals, type Refusal, refusalText } from './launch-refusals.tsx';
import { failureCode, settleSyncReply } from './settle-sync-reply.ts';
import {
  changeOf,
  type DraftField,
  defaultOptOutAttribute,
  draftFieldOf,
  draftOf,
  isLaunched,
  LOCKED_AFTER_LAUNCH,
  requestOf,
  type SyncDraft,
  withOptOut,
} from './sync-draft.ts';

const text = en.syncs.editor;
const MAIN_KEYS: readonly MatchKey[] = ['EMAIL', 'PHONE', 'MADID'];
const MORE_KEYS = MATCH_KEYS.filter((key) => !MAIN_KEYS.includes(key));

export interface SyncEditorProps {
  /** Null for a new sync. */
  sync: SyncView | null;
  /** The workspace's connected ad accounts. */
  accounts: readonly ConnectedAdAccountSummary[];
  /** The workspace's consent defaults: the filters start from them, and only changes are saved. */
  consentDefaults: ConsentSettings;
  syncs: Pick<
    BackgroundSyncs,
    'create' | 'update' | 'launchCheck' | 'launch' | 'syncableAudiences'
  >;
  relayUrl: string;
  /**
   * After each save or launch, with the sync as the relay now has it; `settled` is false for
   * the save that starts a launch, which the editor carries on with.
   */
  onSaved: (sync: SyncView, settled: boolean) => void;
}

type Busy = 'saving' | 'checking' | 'launching';

/** What the editor says after an action. */
type Outcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'problem'; problem: Explanation }
  | { kind: 'refused'; refusals: Refusal[] }
  | { kind: 'review'; check: LaunchCheckResponse; syncId: string };

/**
 * The sync's settings. A draft may change anything and be saved incomplete; Launch saves,
 * asks the relay what it would refuse (shown beside each field) and, if nothing, what it
 * warns about, before confirming. Once launched only the name, consent filters and default
 * country may change; the rest is locked with the reason.
 */
export function SyncEditor({
  sync,
  accounts,
  consentDefaults,
  syncs,
  relayUrl,
  onSaved,
}: SyncEditorProps) {
  const [draft, setDraft] = useState<SyncDraft>(() =>
    draftOf(sync, accounts[0]?.accountId, consentDefaults),
  );
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [nameError, setNameError] = useState<string | null>(null);
  // A new sync is created by its first save; later saves change it.
  const [savedId, setSavedId] = useState<string | null>(sync?.id ?? null);
  const nameInput = useRef<HTMLInputElement>(null);
  const launched = isLaunched(sync);
  const locked = (field: DraftField) => launched && LOCKED_AFTER_LAUNCH.has(field);
  const change = (next: Partial<SyncDraft>) => setDraft((current) => ({ ...current, ...next }));

  const refusalsByField = new Map<DraftField, Refusal[]>();
  if (outcome.kind === 'refused') {
    for (const refusal of outcome.refusals) {
      const field = draftFieldOf(refusal.field);
      if (field) refusalsByField.set(field, [...(refusalsByField.get(field) ?? []), refusal]);
    }
  }
  const errorOf = (field: DraftField) => {
    const refusals = refusalsByField.get(field);
    return refusals?.map((refusal) => refusalText(refusal, draft.adAccountId)).join(' ');
  };

  /** Saves the draft (creating the sync if new); resolves with it, or null after saying why. */
  const save = async (settled: boolean): Promise<SyncView | null> => {
    if (!draft.name.trim()) {
      setNameError(text.nameMissing);
      nameInput.current?.focus();
      return null;
    }
    setNameError(null);
    const reply = savedId
      ? await syncs.update(savedId, changeOf(draft, launched, consentDefaults))
      : await syncs.create(requestOf(draft, consentDefaults));
    const answer = settleSyncReply(reply, relayUrl);
    if (!answer.ok) {
      setOutcome({ kind: 'problem', problem: answer.problem });
      return null;
    }
    setSavedId(answer.value.id);
    onSaved(answer.value, settled);
    return answer.value;
  };

  const run = async (kind: Busy, action: () => Promise<void>) => {
    if (busy) return;
    setBusy(kind);
    await action();
    setBusy(null);
  };

  const saveOnly = () =>
    run('saving', async () => {
      setOutcome({ kind: 'none' });
      if (await save(true)) setOutcome({ kind: 'saved' });
    });

  const check = async (syncId: string) => {
    const settled = settleSyncReply(await syncs.launchCheck(syncId), relayUrl);
    if (!settled.ok) return setOutcome({ kind: 'problem', problem: settled.problem });
    const { value } = settled;
    setOutcome(
      value.ok
        ? { kind: 'review', check: value, syncId }
        : { kind: 'refused', refusals: value.refusals },
    );
  };

  const startLaunch = () =>
    run('checking', async () => {
      setOutcome({ kind: 'none' });
      const saved = await save(false);
      if (saved) await check(saved.id);
    });

  const confirmLaunch = (syncId: string) =>
    run('launching', async () => {
      const settled = settleSyncReply(await syncs.launch(syncId), relayUrl);
      if (settled.ok) {
        setOutcome({ kind: 'none' });
        onSaved(settled.value, true);
        return;
      }
      // Something changed since the check (terms revoked, limit reached): say what, by field.
      if (failureCode(settled) === 'sync_launch_refused') return check(syncId);
      setOutcome({ kind: 'problem', problem: settled.problem });
    });

  const account = accounts.find((candidate) => candidate.accountId === draft.adAccountId);
  const fieldError = (field: DraftField) => {
    const error = errorOf(field);
    return error ? (
      <p id={`sync-${field}-error`} class="ar-field-error">
        {error}
      </p>
    ) : null;
  };
  /** A field's refusal, and for a locked field why it is locked. */
  const describedBy = (field: DraftField) =>
    [refusalsByField.has(field) && `sync-${field}-error`, locked(field) && 'sync-locked-note']
      .filter(Boolean)
      .join(' ') || undefined;

  const keyBox = (key: MatchKey) => (
    <label key={key} class="sync-editor__check">
      <input
        type="checkbox"
        checked={draft.fields.includes(key)}
        disabled={locked('fields')}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          change({
            fields: on ? [...draft.fields, key] : draft.fields.filter((k) => k !== key),
          });
        }}
      />
      {MATCH_KEY_LABELS[key]}
    </label>
  );

  return (
    <form
      class="ar-card sync-panel sync-editor"
      aria-labelledby="editor-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saveOnly();
      }}
    >
      <header class="sync-panel__header">
        <h2 id="editor-heading">{sync ? text.heading : text.newHeading}</h2>
        {launched && (
          <p id="sync-locked-note" class="ar-notice ar-notice--info">
            {text.launchedRules}
          </p>
        )}
      </header>
      {outcome.kind === 'refused' && (
        <LaunchRefusals refusals={outcome.refusals} adAccountId={draft.adAccountId} />
      )}
      <div class="ar-field">
        <label for="sync-name">{text.name}</label>
        <input
          id="sync-name"
          ref={nameInput}
          class="ar-input"
          value={draft.name}
          maxLength={200}
          aria-invalid={nameError || refusalsByField.has('name') ? 'true' : undefined}
          aria-describedby={nameError ? 'sync-name-missing' : describedBy('name')}
          onInput={(event) => change({ name: event.currentTarget.value })}
        />
        {nameError && (
          <p id="sync-name-missing" class="ar-field-error">
            {nameError}
          </p>
        )}
        {fieldError('name')}
        <p class="ar-hint">{text.nameHint}</p>
      </div>

      <div class="ar-field">
        <label for="sync-ad-account">{text.adAccount}</label>
        <select
          id="sync-ad-account"
          class="ar-input"
          value={draft.adAccountId}
          disabled={locked('adAccountId')}
          aria-invalid={refusalsByField.has('adAccountId') ? 'true' : undefined}
          aria-describedby={describedBy('adAccountId')}
          onChange={(event) =>
            change({ adAccountId: event.currentTarget.value, facebookAudienceId: '' })
          }
        >
          <option value="">{text.chooseAdAccount}</option>
          {accounts.map((a) => (
            <option key={a.accountId} value={a.accountId}>
              {a.name} ({a.accountId})
            </option>
          ))}
        </select>
        {fieldError('adAccountId')}
        {accounts.length === 0 && <p class="ar-hint">{text.noAdAccounts}</p>}
        {account?.customAudienceTos === 'not_accepted' && (
          <p class="ar-hint">
            {text.termsPending}{' '}
            <a href={account.tosUrl} target="_blank" rel="noreferrer">
              {text.acceptTerms}
            </a>
          </p>
        )}
      </div>

      <fieldset class="sync-editor__group" aria-describedby={describedBy('audience')}>
        <legend>{text.audience}</legend>
        <label class="sync-editor__check">
          <input
            type="radio"
            name="audience-kind"
            checked={draft.audienceKind === 'new'}
            disabled={locked('audience')}
            onChange={() => change({ audienceKind: 'new' })}
          />
          {text.newAudience}
        </label>
        {draft.audienceKind === 'new' && (
          <div class="ar-field sync-editor__nested">
            <label for="sync-audience-name">{text.audienceName}</label>
            <input
              id="sync-audience-name"
              class="ar-input"
              value={draft.audienceName}
              maxLength={200}
              disabled={locked('audience')}
              aria-invalid={refusalsByField.has('audience') ? 'true' : undefined}
              onInput={(event) => change({ audienceName: event.currentTarget.value })}
            />
            <p class="ar-hint">{text.audienceNameHint}</p>
          </div>
        )}
        <label class="sync-editor__check">
          <input
            type="radio"
            name="audience-kind"
            checked={draft.audienceKind === 'existing'}
            disabled={locked('audience')}
            onChange={() => change({ audienceKind: 'existing' })}
          />
          {text.existingAudience}
        </label>
        {draft.audienceKind === 'existing' && (
          <div class="sync-editor__nested">
            {draft.adAccountId ? (
              <AudiencePicker
                adAccountId={draft.adAccountId}
                syncs={syncs}
                relayUrl={relayUrl}
                value={draft.facebookAudienceId}
                onValue={(facebookAudienceId) => change({ facebookAudienceId })}
                disabled={locked('audience')}
                errorId={describedBy('audience')}
              />
            ) : (
              <p class="ar-hint">{text.chooseAccountFirst}</p>
            )}
          </div>
        )}
        {fieldError('audience')}
      </fieldset>

      <fieldset class="sync-editor__group" aria-describedby={describedBy('action')}>
        <legend>{text.action}</legend>
        {(['add', 'remove'] as const).map((action) => (
          <label key={action} class="sync-editor__check">
            <input
              type="radio"
              name="sync-action"
              checked={draft.action === action}
              disabled={locked('action')}
              onChange={() => change({ action })}
            />
            {text.actions[action]}
          </label>
        ))}
        {fieldError('action')}
      </fieldset>

      <fieldset class="sync-editor__group" aria-describedby={describedBy('fields')}>
        <legend>{text.fields}</legend>
        <p class="ar-hint">{text.fieldsHint}</p>
        {MAIN_KEYS.map(keyBox)}
        <details open={draft.fields.some((key) => MORE_KEYS.includes(key))}>
          <summary>{text.moreKeys}</summary>
          <div class="sync-editor__more">{MORE_KEYS.map(keyBox)}</div>
        </details>
        {fieldError('fields')}
      </fieldset>

      <fieldset class="sync-editor__group" aria-describedby={describedBy('consent')}>
        <legend>{text.consent}</legend>
        <label class="sync-editor__check">
          <input
            type="checkbox"
            checked={draft.consent.optOutAttribute !== null}
            onChange={(e) =>
              change({
                consent: withOptOut(draft.consent, e.currentTarget.checked, consentDefaults),
              })
            }
          />
          {en.consent.optOut(
            draft.consent.optOutAttribute ?? defaultOptOutAttribute(consentDefaults),
          )}
        </label>
        <label class="sync-editor__check">
          <input
            type="checkbox"
            checked={draft.consent.excludeEmailUnsubscribed}
            onChange={(e) =>
              change({
                consent: { ...draft.consent, excludeEmailUnsubscribed: e.currentTarget.checked },
              })
            }
          />
          {en.consent.unsubscribed}
        </label>
        <label class="sync-editor__check">
          <input
            type="checkbox"
            checked={draft.consent.requireAdTrackingForDeviceIds}
            onChange={(e) =>
              change({
                consent: {
                  ...draft.consent,
                  requireAdTrackingForDeviceIds: e.currentTarget.checked,
                },
              })
            }
          />
          {en.consent.adTracking}
        </label>
        {fieldError('consent')}
      </fieldset>

      <div class="ar-field">
        <label for="sync-country">{text.defaultCountry}</label>
        <input
          id="sync-country"
          class="ar-input sync-editor__short"
          value={draft.defaultCountry}
          maxLength={60}
          aria-describedby={describedBy('defaultCountry') ?? 'sync-country-hint'}
          onInput={(event) => change({ defaultCountry: event.currentTarget.value })}
        />
        {fieldError('defaultCountry')}
        <p id="sync-country-hint" class="ar-hint">
          {text.defaultCountryHint}
        </p>
      </div>

      {outcome.kind === 'problem' && <ProblemNotice problem={outcome.problem} focusOnMount />}
      {outcome.kind === 'saved' && (
        <p class="ar-notice ar-notice--success" role="status">
          {text.saved}
        </p>
      )}
      {outcome.kind === 'review' ? (
        <ConfirmPanel
          title={text.launchTitle(draft.name.trim())}
          tone="primary"
          confirmLabel={text.launchConfirm}
          cancelLabel={text.notYet}
          busy={busy === 'launching'}
          busyLabel={text.launching}
          onConfirm={() => void confirmLaunch(outcome.syncId)}
          onCancel={() => setOutcome({ kind: 'none' })}
        >
          <p>{text.launchText[draft.action]}</p>
          {outcome.check.warnings.map((warning) => (
            <p key={warning.code} class="sync-editor__warning">
              <strong>{text.warning}</strong> {warning.message}
            </p>
          ))}
        </ConfirmPanel>
      ) : (
        <div class="button-row sync-editor__actions">
          {launched ? (
            <ActionButton
              variant="primary"
              type="submit"
              busy={busy === 'saving'}
              busyLabel={text.saving}
            >
              {text.saveChanges}
            </ActionButton>
          ) : (
            <>
              <ActionButton
                variant="primary"
                busy={busy === 'checking'}
                busyLabel={text.checking}
                onClick={() => void startLaunch()}
              >
                {text.launch}
              </ActionButton>
              <ActionButton
                variant="secondary"
                type="submit"
                busy={busy === 'saving'}
                busyLabel={text.saving}
              >
                {text.saveDraft}
              </ActionButton>
            </>
          )}
        </div>
      )}
    </form>
  );
}
