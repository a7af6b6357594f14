import { useState } from 'preact/hooks';
import { MULTI_KEY_AUDIENCE } from '../../../shared/audience-plan.ts';
import {
  type ConsentSettings,
  DEFAULT_CONSENT_SETTINGS,
} from '../../../shared/consent-settings.ts';
import { describeError } from '../../../shared/error-catalog.ts';
import { MATCH_KEY_LABELS, MATCH_KEYS, type MatchKey } from '../../../shared/match-keys/keys.ts';
import {
  type CreateExportRequest,
  createExportRequest,
} from '../../../shared/relay-api/exports.ts';
import type { FacebookStatusResponse } from '../../../shared/relay-api/facebook.ts';
import type { ExportSource } from '../../exports/export-source.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import { ProblemNotice } from '../../ui/problem-notice.tsx';

const text = en.exports;
const MAIN_KEYS: readonly MatchKey[] = ['EMAIL', 'PHONE', 'MADID'];
const MORE_KEYS = MATCH_KEYS.filter((key) => !MAIN_KEYS.includes(key));

export interface ExportFormProps {
  source: ExportSource;
  facebook: FacebookStatusResponse;
  /** The workspace's consent defaults: the filters start from them. */
  consentDefaults: ConsentSettings;
  /** Resolves with an error text to show, or null once the export started. */
  onSubmit: (request: CreateExportRequest) => Promise<string | null>;
  openOptions: () => void;
}

/** The export form of a segment or a file: ad account, fields, consent filters, audience names. */
export function ExportForm({
  source,
  facebook,
  consentDefaults,
  onSubmit,
  openOptions,
}: ExportFormProps) {
  const accounts = facebook.adAccounts;
  const [adAccountId, setAdAccountId] = useState(accounts[0]?.accountId ?? '');
  const [keys, setKeys] = useState<MatchKey[]>(['EMAIL']);
  const [multiKey, setMultiKey] = useState(false);
  const [names, setNames] = useState<Record<string, string>>({});
  // Turning a filter the workspace left off back on uses the built-in attribute name.
  const optOutAttribute =
    consentDefaults.optOutAttribute ?? DEFAULT_CONSENT_SETTINGS.optOutAttribute ?? '';
  const optInAttribute = consentDefaults.optInAttribute;
  const [excludeOptOut, setExcludeOptOut] = useState(consentDefaults.optOutAttribute !== null);
  const [requireOptIn, setRequireOptIn] = useState(optInAttribute !== null);
  const [excludeUnsubscribed, setExcludeUnsubscribed] = useState(
    consentDefaults.excludeEmailUnsubscribed,
  );
  const [requireAdTracking, setRequireAdTracking] = useState(
    consentDefaults.requireAdTrackingForDeviceIds,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!facebook.connected) {
    return <SettingsPrompt {...text.facebookNotConnected} openOptions={openOptions} />;
  }
  if (accounts.length === 0) {
    return <SettingsPrompt {...text.noAdAccounts} openOptions={openOptions} />;
  }
  if (source.request === null) return <p class="ar-notice ar-notice--info">{source.unavailable}</p>;
  const sourceRequest = source.request;

  const audiences = multiKey ? [MULTI_KEY_AUDIENCE] : keys;
  const defaultName = (audience: string) =>
    audience === MULTI_KEY_AUDIENCE
      ? source.name
      : `${source.name} — ${MATCH_KEY_LABELS[audience as MatchKey]}`;
  const nameOf = (audience: string) => names[audience] ?? defaultName(audience);
  const account = accounts.find((a) => a.accountId === adAccountId);
  const toggleKey = (key: MatchKey, on: boolean) =>
    setKeys((current) => (on ? [...current, key] : current.filter((k) => k !== key)));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problem = !adAccountId
      ? text.errors.noAdAccount
      : keys.length === 0
        ? text.errors.noFields
        : audiences.some((audience) => !nameOf(audience).trim())
          ? text.errors.nameMissing
          : null;
    if (problem) {
      setError(problem);
      return;
    }
    const parsed = createExportRequest.safeParse({
      source: sourceRequest,
      adAccountId,
      plan: { kind: multiKey ? 'multi-key' : 'per-field', keys },
      consent: {
        optOutAttribute: excludeOptOut ? optOutAttribute : null,
        optInAttribute: requireOptIn ? optInAttribute : null,
        excludeEmailUnsubscribed: excludeUnsubscribed,
        requireAdTrackingForDeviceIds: requireAdTracking,
      },
      audienceNames: Object.fromEntries(audiences.map((a) => [a, nameOf(a).trim()])),
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? text.errors.noFields);
      return;
    }
    setError(null);
    setBusy(true);
    setError(await onSubmit(parsed.data));
    setBusy(false);
  };

  const keyBox = (key: MatchKey) => (
    <label key={key} class="export-form__check">
      <input
        type="checkbox"
        checked={keys.includes(key)}
        onChange={(e) => toggleKey(key, e.currentTarget.checked)}
      />
      {MATCH_KEY_LABELS[key]}
    </label>
  );

  return (
    <form class="ar-card export-form" aria-labelledby="export-heading" onSubmit={submit} noValidate>
      <h2 id="export-heading" class="popup__section-heading">
        {text.formHeading}
      </h2>
      <div class="ar-field">
        <label for="export-ad-account">{text.adAccount}</label>
        <select
          id="export-ad-account"
          class="ar-input"
          value={adAccountId}
          onChange={(e) => setAdAccountId(e.currentTarget.value)}
        >
          {accounts.map((a) => (
            <option key={a.accountId} value={a.accountId}>
              {a.name} ({a.accountId})
            </option>
          ))}
        </select>
      </div>
      {account?.customAudienceTos === 'not_accepted' && (
        <TermsNotice adAccountId={account.accountId} tosUrl={account.tosUrl} />
      )}
      <fieldset class="export-form__group">
        <legend>{text.fields}</legend>
        {MAIN_KEYS.map(keyBox)}
        <details>
          <summary>{text.moreKeys}</summary>
          {MORE_KEYS.map(keyBox)}
        </details>
        <label class="export-form__check">
          <input
            type="checkbox"
            checked={multiKey}
            onChange={(e) => setMultiKey(e.currentTarget.checked)}
          />
          {text.multiKey}
        </label>
      </fieldset>
      <fieldset class="export-form__group">
        <legend>{text.consent}</legend>
        <Check
          checked={excludeOptOut}
          onChange={setExcludeOptOut}
          label={en.consent.optOut(optOutAttribute)}
        />
        {optInAttribute !== null && (
          <Check
            checked={requireOptIn}
            onChange={setRequireOptIn}
            label={en.consent.optIn(optInAttribute)}
          />
        )}
        <Check
          checked={excludeUnsubscribed}
          onChange={setExcludeUnsubscribed}
          label={en.consent.unsubscribed}
        />
        <Check
          checked={requireAdTracking}
          onChange={setRequireAdTracking}
          label={en.consent.adTracking}
        />
      </fieldset>
      {audiences.map((audience) => (
        <div class="ar-field" key={audience}>
          <label for={`export-name-${audience}`}>
            {audience === MULTI_KEY_AUDIENCE
              ? text.multiKeyName
              : text.audienceName(MATCH_KEY_LABELS[audience as MatchKey])}
          </label>
          <input
            id={`export-name-${audience}`}
            class="ar-input"
            value={nameOf(audience)}
            onInput={(e) => setNames({ ...names, [audience]: e.currentTarget.value })}
          />
        </div>
      ))}
      {error && (
        <p class="ar-field-error" role="alert">
          {error}
        </p>
      )}
      <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.submitting}>
        {sourceRequest.kind === 'file' ? text.submitFile : text.submit}
      </ActionButton>
    </form>
  );
}

function Check(props: { checked: boolean; onChange: (on: boolean) => void; label: string }) {
  return (
    <label class="export-form__check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

/** The catalog's explanation and fix for an account whose Custom Audience terms are pending. */
function TermsNotice({ adAccountId, tosUrl }: { adAccountId: string; tosUrl: string }) {
  const { title, explanation, steps } = describeError(
    'facebook_custom_audience_terms_not_accepted',
    { adAccountId },
  );
  return (
    <div class="export-form__terms">
      <ProblemNotice problem={{ title, explanation, steps }} />
      <a href={tosUrl} target="_blank" rel="noreferrer" class="ar-button ar-button--secondary">
        {text.acceptTerms}
      </a>
    </div>
  );
}

function SettingsPrompt({
  title,
  text: body,
  openOptions,
}: {
  title: string;
  text: string;
  openOptions: () => void;
}) {
  return (
    <section class="ar-notice ar-notice--info" aria-labelledby="export-prompt">
      <p id="export-prompt" class="ar-notice__title">
        {title}
      </p>
      <p>{body}</p>
      <ActionButton variant="secondary" onClick={openOptions}>
        {en.popup.openSettings}
      </ActionButton>
    </section>
  );
}
