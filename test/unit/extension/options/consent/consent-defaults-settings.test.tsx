import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ConsentDefaultsSettings } from '../../../../../extension/options/consent/consent-defaults-settings.tsx';
import type { RelayFailure } from '../../../../../extension/relay/relay-failure.ts';
import type { BackgroundConsentDefaults } from '../../../../../extension/ui/background-consent-defaults.ts';
import {
  type ConsentSettings,
  DEFAULT_CONSENT_SETTINGS,
} from '../../../../../shared/consent-settings.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';

const text = en.options.consent;
const answer = (settings: ConsentSettings, updatedAt: string | null = null) => ({
  ok: true as const,
  value: { ok: true as const, value: { settings, updatedAt } },
});
const refused = (failure: RelayFailure) => ({
  ok: true as const,
  value: { ok: false as const, failure },
});
const FORBIDDEN: RelayFailure = {
  kind: 'forbidden',
  status: 403,
  code: 'forbidden',
  message: 'Only workspace admins may do this.',
  requestId: 'req_1',
};

function fakeConsent(saved: ConsentSettings = DEFAULT_CONSENT_SETTINGS) {
  return {
    get: vi.fn<BackgroundConsentDefaults['get']>(async () => answer(saved)),
    save: vi.fn<BackgroundConsentDefaults['save']>(async (settings) =>
      answer(settings, '2026-11-22T12:00:00.000Z'),
    ),
  } satisfies BackgroundConsentDefaults;
}

let consent: ReturnType<typeof fakeConsent>;
beforeEach(() => {
  consent = fakeConsent();
});

async function open(isAdmin: boolean) {
  await mount(<ConsentDefaultsSettings consent={consent} relayUrl={RELAY_URL} isAdmin={isAdmin} />);
  await settle();
}

const toggle = (filter: keyof typeof text.filters) => field(text.filters[filter].label);

describe('consent defaults, for an admin', () => {
  it('shows the saved filters with their explanations', async () => {
    await open(true);
    expect(toggle('opt_out').checked).toBe(true);
    expect(toggle('opt_in').checked).toBe(false);
    expect(toggle('email_unsubscribed').checked).toBe(false);
    expect(toggle('ad_tracking').checked).toBe(true);
    expect(field(text.filters.opt_out.attribute).value).toBe('do_not_sell_or_share');
    for (const filter of Object.values(text.filters))
      expect(pageText()).toContain(filter.explanation);
    expect(pageText()).toContain(text.builtIn);
  });

  it('saves a changed filter, with its attribute name, and says so', async () => {
    await open(true);
    await click(toggle('opt_in'));
    await type(field(text.filters.opt_in.attribute), 'opted_in_marketing');
    await click(toggle('email_unsubscribed'));
    await click(button(text.save));
    expect(consent.save).toHaveBeenCalledWith({
      ...DEFAULT_CONSENT_SETTINGS,
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: true,
    });
    expect(document.querySelector('[role="status"]')?.textContent).toBe(text.saved);
    expect(pageText()).not.toContain(text.builtIn);
  });

  it('refuses a filter switched on without its attribute name, and saves nothing', async () => {
    await open(true);
    await click(toggle('opt_in'));
    await click(button(text.save));
    expect(consent.save).not.toHaveBeenCalled();
    const message = text.errors.attributeMissing(text.filters.opt_in.attribute);
    expect(pageText()).toContain(message);
    expect(document.activeElement).toBe(field(text.filters.opt_in.attribute));
    expect(field(text.filters.opt_in.attribute).getAttribute('aria-invalid')).toBe('true');
  });

  it('explains a save the relay refused, keeping what was typed', async () => {
    consent.save.mockResolvedValue(refused(FORBIDDEN));
    await open(true);
    await click(toggle('ad_tracking'));
    await click(button(text.save));
    expect(pageText()).toContain(describeError('forbidden').title);
    expect(document.querySelector('[role="status"]')).toBeNull();
    expect(toggle('ad_tracking').checked).toBe(false);
  });
});

describe('consent defaults, for a marketer', () => {
  it('shows them read-only, with who changes them', async () => {
    consent = fakeConsent({ ...DEFAULT_CONSENT_SETTINGS, optInAttribute: 'opted_in_marketing' });
    await open(false);
    expect(pageText()).toContain(text.readOnly);
    expect(document.querySelector('input, button')).toBeNull();
    expect(pageText()).toContain(text.attributeShown('opted_in_marketing'));
    expect(pageText()).toContain(`${text.filters.email_unsubscribed.label}${text.off}`);
  });
});

describe('when the defaults cannot be read', () => {
  it('explains why and tries again on request', async () => {
    consent.get.mockResolvedValueOnce(refused({ kind: 'unreachable', reason: 'network' }));
    await open(true);
    expect(pageText()).toContain(en.problems.unreachable.title);
    await click(button(text.retry));
    expect(consent.get).toHaveBeenCalledTimes(2);
    expect(toggle('opt_out').checked).toBe(true);
  });
});
