import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { LookalikeForm } from '../../../../../extension/popup/lookalikes/lookalike-form.tsx';
import type { Explained } from '../../../../../extension/ui/explanation.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import type {
  LookalikeRequest,
  LookalikeResponse,
} from '../../../../../shared/relay-api/exports.ts';
import { exportJobViewOf } from '../../support/export-job-view.ts';
import { button, click, field, mount, pageText, type } from '../../support/render-page.ts';

const text = en.lookalike;
const seed = exportJobViewOf().audiences[0] as NonNullable<
  ReturnType<typeof exportJobViewOf>['audiences'][0]
>;
const CREATED: LookalikeResponse = {
  id: '2385',
  name: 'Lookalike (US, 1%) — Spring buyers — Email',
  originAudienceId: seed.facebookAudienceId,
  adsManagerUrl: 'https://adsmanager.facebook.com/adsmanager/audiences?act=1&ids=2385',
};

async function showForm(answer: Explained<LookalikeResponse> = { ok: true, value: CREATED }) {
  const create = vi.fn(async (_request: LookalikeRequest) => answer);
  const onBack = vi.fn();
  await mount(<LookalikeForm seed={seed} create={create} onBack={onBack} />);
  return { create, onBack };
}

const errorOf = (label: string) =>
  document.getElementById(field(label).getAttribute('aria-describedby')?.split(' ')[0] ?? '')
    ?.textContent;

describe('the lookalike form', () => {
  it('starts from the United States at 1 %, and names the countries typed', async () => {
    await showForm();
    expect(document.querySelector('form')?.getAttribute('aria-labelledby')).toBe(
      'lookalike-heading',
    );
    expect(pageText()).toContain(seed.name);
    expect(field(text.countries).value).toBe('US');
    expect(field(text.ratio).value).toBe('1');
    expect(pageText()).toContain(text.countriesShown('United States'));
    await type(field(text.countries), 'us, ca');
    expect(pageText()).toContain(text.countriesShown('United States, Canada'));
  });

  it('refuses what Meta would refuse before asking the relay', async () => {
    const { create } = await showForm();
    await type(field(text.countries), 'US, XX');
    await type(field(text.ratio), '25');
    await click(button(text.submit));
    expect(create).not.toHaveBeenCalled();
    expect(errorOf(text.countries)).toBe(text.errors.countryUnknown('XX'));
    expect(errorOf(text.ratio)).toBe(text.errors.ratioInvalid);
    expect(field(text.ratio).getAttribute('aria-invalid')).toBe('true');
  });

  it('creates the lookalike and links to it in Ads Manager', async () => {
    const { create, onBack } = await showForm();
    await type(field(text.ratio), '10');
    await click(button(text.submit));
    expect(create).toHaveBeenCalledExactlyOnceWith({ countries: ['US'], ratio: 0.1 });
    expect(document.querySelector('[role="status"]')?.textContent).toContain(CREATED.name);
    const link = document.querySelector('a');
    expect(link?.href).toBe(CREATED.adsManagerUrl);
    expect(link?.textContent).toContain(en.exports.report.openInAdsManager);
    await click(button(text.backToReport));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('explains the relay’s refusal through the catalog, and lets the person try again', async () => {
    const entry = describeError('facebook_lookalike_seed_too_small');
    const { create } = await showForm({
      ok: false,
      problem: { title: entry.title, explanation: entry.explanation, steps: entry.steps },
      code: entry.code,
    });
    await click(button(text.submit));
    const alert = document.querySelector('[role="alert"]')?.textContent;
    expect(alert).toContain(entry.title);
    expect(alert).toContain(entry.steps[0]);
    expect(document.querySelector('form')).not.toBeNull();
    await click(button(text.submit));
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('goes back to the report without creating anything', async () => {
    const { create, onBack } = await showForm();
    await click(button(text.cancel));
    expect(onBack).toHaveBeenCalledOnce();
    expect(create).not.toHaveBeenCalled();
  });
});
