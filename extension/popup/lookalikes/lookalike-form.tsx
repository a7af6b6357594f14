import { useState } from 'preact/hooks';
import type {
  ExportAudienceView,
  LookalikeRequest,
  LookalikeResponse,
} from '../../../shared/relay-api/exports.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { Explained } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { countryCodes, countryName, parseLookalikeInput } from './lookalike-input.ts';

const text = en.lookalike;

export interface LookalikeFormProps {
  /** The exported audience the lookalike is built from. */
  seed: ExportAudienceView;
  create: (request: LookalikeRequest) => Promise<Explained<LookalikeResponse>>;
  onBack: () => void;
}

/** Countries and size of a lookalike of one exported audience; then the lookalike created. */
export function LookalikeForm({ seed, create, onBack }: LookalikeFormProps) {
  const [countries, setCountries] = useState('US');
  const [ratio, setRatio] = useState('1');
  const [errors, setErrors] = useState<{ countries?: string; ratio?: string }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Explained<LookalikeResponse> | null>(null);

  if (result?.ok) return <LookalikeCreated lookalike={result.value} onBack={onBack} />;

  const named = countryCodes(countries).map(countryName).filter(Boolean);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const input = parseLookalikeInput({ countries, ratio });
    setErrors(input.ok ? {} : input.errors);
    if (!input.ok) return;
    setBusy(true);
    setResult(null);
    setResult(await create(input.request));
    setBusy(false);
  };

  return (
    <form
      class="ar-card lookalike-form"
      aria-labelledby="lookalike-heading"
      onSubmit={submit}
      noValidate
    >
      <h2 id="lookalike-heading" class="popup__section-heading">
        {text.heading}
      </h2>
      <div>
        <p class="ar-muted">{text.seed}</p>
        <p class="lookalike-form__seed">{seed.name}</p>
      </div>
      <TextField
        id="lookalike-countries"
        label={text.countries}
        hint={
          named.length > 0
            ? `${text.countriesShown(named.join(', '))}. ${text.countriesHint}`
            : text.countriesHint
        }
        error={errors.countries}
        value={countries}
        onValue={setCountries}
        autoComplete="off"
      />
      <TextField
        id="lookalike-ratio"
        label={text.ratio}
        hint={text.ratioHint}
        error={errors.ratio}
        value={ratio}
        onValue={setRatio}
        autoComplete="off"
      />
      {result && !result.ok && <ProblemNotice problem={result.problem} />}
      <div class="lookalike-form__actions">
        <ActionButton variant="primary" type="submit" busy={busy} busyLabel={text.submitting}>
          {text.submit}
        </ActionButton>
        <ActionButton variant="secondary" onClick={onBack}>
          {text.cancel}
        </ActionButton>
      </div>
    </form>
  );
}

function LookalikeCreated({
  lookalike,
  onBack,
}: {
  lookalike: LookalikeResponse;
  onBack: () => void;
}) {
  return (
    <section class="ar-card lookalike-form" aria-labelledby="lookalike-heading">
      <h2 id="lookalike-heading" class="popup__section-heading">
        {text.createdTitle}
      </h2>
      <div class="ar-notice ar-notice--success" role="status">
        <p class="ar-notice__title">{lookalike.name}</p>
        <p>{text.createdText}</p>
      </div>
      <div class="lookalike-form__done">
        <a
          class="ar-button ar-button--primary"
          href={lookalike.adsManagerUrl}
          target="_blank"
          rel="noreferrer"
        >
          {en.exports.report.openInAdsManager}
          <span class="ar-visually-hidden"> {en.exports.report.newTab}</span>
        </a>
        <ActionButton variant="secondary" onClick={onBack}>
          {text.backToReport}
        </ActionButton>
      </div>
    </section>
  );
}
