import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { BrazeSettings } from '../../../../../extension/options/braze/braze-settings.tsx';
import type { SavedRelayFailure } from '../../../../../extension/relay/saved-relay-call.ts';
import type { BackgroundBraze } from '../../../../../extension/ui/background-braze.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import type { BrazeSettingsResponse } from '../../../../../shared/relay-api/braze.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';

const text = en.options.braze;
const ok = <T,>(value: T) => ({ ok: true as const, value: { ok: true as const, value } });
const failed = (failure: SavedRelayFailure) => ({
  ok: true as const,
  value: { ok: false as const, failure },
});
const refused = (code: string) =>
  failed({ kind: 'validation', status: 422, code, message: code, requestId: `req-${code}` });

const NOT_SET: BrazeSettingsResponse = { configured: false };
const SAVED: BrazeSettingsResponse = {
  configured: true,
  restEndpoint: 'https://rest.iad-01.braze.com',
  keyHint: '••••c0de',
  savedAt: '2026-11-22T12:00:00.000Z',
};
const KEY = 'braze-rest-key-c0de';

function fakeBraze(settings: BrazeSettingsResponse) {
  return {
    settings: vi.fn<BackgroundBraze['settings']>(async () => ok(settings)),
    save: vi.fn<BackgroundBraze['save']>(async () => ok(SAVED)),
    remove: vi.fn<BackgroundBraze['remove']>(async () => ok(NOT_SET)),
  } satisfies BackgroundBraze;
}

let braze: ReturnType<typeof fakeBraze>;
beforeEach(() => {
  braze = fakeBraze(NOT_SET);
});

async function open(settings: BrazeSettingsResponse, isAdmin = true) {
  braze.settings.mockResolvedValue(ok(settings));
  await mount(<BrazeSettings braze={braze} relayUrl={RELAY_URL} isAdmin={isAdmin} />);
  await settle();
}

async function fillAndSave(endpoint: string, apiKey: string) {
  await type(field(text.endpointLabel), endpoint);
  await type(field(text.keyLabel), apiKey);
  await click(button(text.save));
}

const buttons = () => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim());
const alert = () => document.querySelector('[role="alert"]');

describe('the Braze settings', () => {
  it('says it is checking until the relay answers', async () => {
    braze.settings.mockReturnValue(new Promise(() => {}));
    await mount(<BrazeSettings braze={braze} relayUrl={RELAY_URL} isAdmin />);
    expect(document.querySelector('[role="status"]')?.textContent).toBe(text.loading);
  });

  it('explains a relay that failed to answer, and asks again', async () => {
    braze.settings.mockResolvedValueOnce(failed({ kind: 'unreachable', reason: 'network' }));
    await mount(<BrazeSettings braze={braze} relayUrl={RELAY_URL} isAdmin />);
    await settle();
    expect(pageText()).toContain('Can’t reach the relay');
    await click(button(text.retry));
    expect(braze.settings).toHaveBeenCalledTimes(2);
    expect(pageText()).toContain(text.notConnectedTitle);
  });

  describe('not connected', () => {
    it('shows admins the form, the key field hidden as typed', async () => {
      await open(NOT_SET);
      expect(pageText()).toContain(text.notConnectedAdmin);
      expect(field(text.keyLabel).type).toBe('password');
      expect(field(text.keyLabel).autocomplete).toBe('off');
      expect(buttons()).toEqual([text.save]);
    });

    it('tells marketers to ask an admin, with no form', async () => {
      await open(NOT_SET, false);
      expect(pageText()).toContain(text.notConnectedMarketer);
      expect(document.querySelector('input')).toBeNull();
      expect(buttons()).toEqual([]);
    });

    it('checks the fields before anything is sent', async () => {
      await open(NOT_SET);
      await fillAndSave('https://dashboard.example.com', 'short');
      expect(pageText()).toContain(text.errors.dashboardUnknown);
      expect(pageText()).toContain(text.errors.keyTooShort);
      expect(field(text.endpointLabel).getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(field(text.endpointLabel));
      expect(braze.save).not.toHaveBeenCalled();
    });

    it('saves a dashboard address for the relay to derive the endpoint from', async () => {
      await open(NOT_SET);
      await fillAndSave('https://dashboard-01.braze.com/engagement', KEY);
      expect(braze.save).toHaveBeenCalledExactlyOnceWith({
        dashboardUrl: 'https://dashboard-01.braze.com/engagement',
        apiKey: KEY,
      });
      const news = document.querySelector('[role="status"]');
      expect(news?.textContent).toBe(text.saved);
      expect(document.activeElement).toBe(news);
      expect(pageText()).toContain(SAVED.restEndpoint);
      expect(pageText()).toContain(`${text.keySet} ••••c0de`);
      // Never shown back: not in the page, not in any field.
      expect(pageText()).not.toContain(KEY);
      expect(document.querySelector('input')).toBeNull();
    });

    it.each([
      ['a key Braze rejects', 'braze_key_rejected'],
      ['a key without a permission', 'braze_permission_missing'],
      ['an endpoint that does not answer', 'braze_unavailable'],
      ['a marketer’s key', 'forbidden'],
    ])('explains %s through the catalog and keeps the form', async (_, code) => {
      await open(NOT_SET);
      braze.save.mockResolvedValueOnce(refused(code));
      await fillAndSave('https://rest.iad-01.braze.com', KEY);
      const entry = describeError(code);
      expect(entry.code).toBe(code);
      expect(alert()?.textContent).toContain(entry.title);
      expect(alert()?.textContent).toContain(entry.explanation);
      expect(alert()?.textContent).toContain(entry.steps[0]);
      expect(alert()?.textContent).toContain(`req-${code}`);
      expect(document.activeElement).toBe(alert());
      expect(field(text.keyLabel).value).toBe(KEY);
      expect(pageText()).not.toContain(text.saved);
    });

    it('says so when the relay was forgotten meanwhile', async () => {
      await open(NOT_SET);
      braze.save.mockResolvedValueOnce(failed({ kind: 'no-relay' }));
      await fillAndSave('https://rest.iad-01.braze.com', KEY);
      expect(alert()?.textContent).toContain(en.problems.noRelay.title);
    });

    it('explains a background that does not answer', async () => {
      await open(NOT_SET);
      braze.save.mockResolvedValueOnce({ ok: false, error: 'no receiver' });
      await fillAndSave('https://rest.iad-01.braze.com', KEY);
      expect(alert()?.textContent).toContain(en.problems.extensionNotAnswering.title);
    });

    it('sends one save at a time', async () => {
      await open(NOT_SET);
      braze.save.mockReturnValueOnce(new Promise(() => {}));
      await fillAndSave('https://rest.iad-01.braze.com', KEY);
      expect(buttons()).toEqual([text.saving]);
      await click(button(text.saving));
      expect(braze.save).toHaveBeenCalledOnce();
    });
  });

  describe('connected', () => {
    it('shows everyone the endpoint and the key’s hint, never a key field', async () => {
      await open(SAVED, false);
      expect(pageText()).toContain(SAVED.restEndpoint);
      expect(pageText()).toContain(`${text.keySet} ••••c0de`);
      expect(pageText()).toContain(text.askAdmin);
      expect(document.querySelector('input')).toBeNull();
      expect(buttons()).toEqual([]);
    });

    it('lets admins replace the key, the endpoint prefilled and the key empty', async () => {
      await open(SAVED);
      await click(button(text.change));
      expect(field(text.endpointLabel).value).toBe(SAVED.restEndpoint);
      expect(field(text.keyLabel).value).toBe('');
      expect(document.activeElement).toBe(field(text.endpointLabel));
      await click(button(text.cancel));
      expect(document.querySelector('input')).toBeNull();

      await click(button(text.change));
      await type(field(text.keyLabel), 'another-key-0001');
      await click(button(text.save));
      expect(braze.save).toHaveBeenCalledExactlyOnceWith({
        restEndpoint: SAVED.restEndpoint,
        apiKey: 'another-key-0001',
      });
      expect(document.querySelector('[role="status"]')?.textContent).toBe(text.saved);
    });

    it('removes Braze only once confirmed', async () => {
      await open(SAVED);
      await click(button(text.remove.button));
      expect(pageText()).toContain(text.remove.confirmText);
      await click(button(text.remove.keep));
      expect(braze.remove).not.toHaveBeenCalled();

      await click(button(text.remove.button));
      await click(button(text.remove.confirm));
      expect(braze.remove).toHaveBeenCalledOnce();
      expect(document.querySelector('[role="status"]')?.textContent).toBe(text.remove.done);
      expect(pageText()).toContain(text.notConnectedTitle);
      expect(field(text.endpointLabel).value).toBe('');
    });

    it('keeps the settings when removing fails, and says why', async () => {
      await open(SAVED);
      braze.remove.mockResolvedValueOnce(failed({ kind: 'unreachable', reason: 'timeout' }));
      await click(button(text.remove.button));
      await click(button(text.remove.confirm));
      expect(alert()?.textContent).toContain('The relay took too long to answer');
      expect(pageText()).toContain(SAVED.restEndpoint);
    });
  });
});
