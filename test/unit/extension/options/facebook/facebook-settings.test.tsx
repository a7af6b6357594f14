import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FacebookFailure } from '../../../../../extension/facebook/facebook-failure.ts';
import type { FacebookStatus } from '../../../../../extension/facebook/facebook-service.ts';
import { en } from '../../../../../extension/i18n/en.ts';
import { FacebookSettings } from '../../../../../extension/options/facebook/facebook-settings.tsx';
import type { BackgroundFacebook } from '../../../../../extension/ui/background-facebook.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import {
  availableAccount,
  connectedAccount,
  facebookStatus,
  NOT_CONNECTED,
  tokenStatus,
} from '../../facebook/facebook-fixtures.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';

const text = en.options;
const ok = <T,>(value: T) => ({ ok: true as const, value: { ok: true as const, value } });
const failed = (failure: FacebookFailure) => ({
  ok: true as const,
  value: { ok: false as const, failure },
});

function fakeFacebook(status: FacebookStatus = NOT_CONNECTED) {
  return {
    status: vi.fn<BackgroundFacebook['status']>(async (_refresh: boolean) => ok(status)),
    connect: vi.fn<BackgroundFacebook['connect']>(async () =>
      ok(facebookStatus({ adAccounts: [] })),
    ),
    adAccounts: vi.fn<BackgroundFacebook['adAccounts']>(async () =>
      ok({
        tokenInUse: 'user' as const,
        adAccounts: [
          availableAccount({ connected: true }),
          availableAccount({
            accountId: '222',
            name: 'Northwind EU',
            customAudienceTos: 'not_accepted',
          }),
          availableAccount({ accountId: '333', name: 'Agency', canManageAudiences: false }),
        ],
      }),
    ),
    saveAdAccounts: vi.fn<BackgroundFacebook['saveAdAccounts']>(async (ids: string[]) =>
      ok({ adAccounts: ids.map((id) => connectedAccount({ accountId: id.slice(4) })) }),
    ),
    disconnect: vi.fn<BackgroundFacebook['disconnect']>(async () => ok(NOT_CONNECTED)),
    useSystemUserToken: vi.fn<BackgroundFacebook['useSystemUserToken']>(async () =>
      ok({
        systemUser: tokenStatus({ kind: 'system_user', facebookUser: { id: '9', name: 'Robot' } }),
        adAccounts: [],
      }),
    ),
    removeSystemUserToken: vi.fn<BackgroundFacebook['removeSystemUserToken']>(async () =>
      ok(facebookStatus()),
    ),
  } satisfies BackgroundFacebook;
}

let facebook: ReturnType<typeof fakeFacebook>;
beforeEach(() => {
  facebook = fakeFacebook();
});

async function open(status: FacebookStatus, isAdmin = true) {
  facebook.status.mockResolvedValue(ok(status));
  await mount(<FacebookSettings facebook={facebook} relayUrl={RELAY_URL} isAdmin={isAdmin} />);
  await settle();
}

const buttons = () => [...document.querySelectorAll('button')].map((b) => b.textContent?.trim());
const links = () => [...document.querySelectorAll('a')];

describe('the Facebook settings', () => {
  it('says it is checking until the relay answers', async () => {
    facebook.status.mockReturnValue(new Promise(() => {}));
    await mount(<FacebookSettings facebook={facebook} relayUrl={RELAY_URL} isAdmin />);
    expect(document.querySelector('[role="status"]')?.textContent).toBe(text.facebook.loading);
    expect(facebook.status).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('explains a relay that failed to answer, and tries again with a fresh check', async () => {
    facebook.status.mockResolvedValueOnce(failed({ kind: 'unreachable', reason: 'network' }));
    await mount(<FacebookSettings facebook={facebook} relayUrl={RELAY_URL} isAdmin />);
    await settle();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      'Can’t reach the relay',
    );
    await click(button(text.facebook.retry));
    expect(facebook.status).toHaveBeenLastCalledWith(true);
    expect(pageText()).toContain(text.facebook.notConnectedTitle);
  });

  describe('not connected', () => {
    it('offers admins to connect', async () => {
      await open(NOT_CONNECTED);
      expect(pageText()).toContain(text.facebook.notConnectedAdmin);
      expect(buttons()).toEqual([text.facebook.connect]);
    });

    it('tells marketers to ask an admin, with no button', async () => {
      await open(NOT_CONNECTED, false);
      expect(pageText()).toContain(text.facebook.notConnectedMarketer);
      expect(buttons()).toEqual([]);
    });

    it('says when the person cancelled, as news rather than an error', async () => {
      await open(NOT_CONNECTED);
      facebook.connect.mockResolvedValue(failed({ kind: 'cancelled' }));
      await click(button(text.facebook.connect));
      const news = document.querySelector('[role="status"]');
      expect(news?.textContent).toContain(text.facebook.cancelledTitle);
      expect(document.activeElement).toBe(news);
      expect(document.querySelector('[role="alert"]')).toBeNull();
      expect(buttons()).toEqual([text.facebook.connect]);
    });

    it('explains other failures through the catalog', async () => {
      await open(NOT_CONNECTED);
      facebook.connect.mockResolvedValue(
        failed({
          kind: 'validation',
          status: 400,
          code: 'oauth_state_expired',
          message: 'x',
          requestId: 'req-7',
        }),
      );
      await click(button(text.facebook.connect));
      const alert = document.querySelector('[role="alert"]')?.textContent ?? '';
      expect(alert).toContain(describeError('oauth_state_expired').title);
      expect(alert).toContain('req-7');
    });

    it('ignores a second click while the login window is open', async () => {
      await open(NOT_CONNECTED);
      facebook.connect.mockReturnValue(new Promise(() => {}));
      await click(button(text.facebook.connect));
      await click(button(text.facebook.connecting));
      expect(facebook.connect).toHaveBeenCalledOnce();
    });

    it('once connected, asks which ad accounts to use and saves the chosen set', async () => {
      await open(NOT_CONNECTED);
      await click(button(text.facebook.connect));
      await settle();
      expect(pageText()).toContain(text.facebook.connected);
      const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      expect(boxes.map((box) => box.checked)).toEqual([true, false, false]);
      await settle();
      expect(document.activeElement?.tagName).toBe('LEGEND');
      // The account the token may not manage says why, tied to its checkbox.
      const note = document.getElementById(boxes[2]?.getAttribute('aria-describedby') ?? '');
      expect(note?.textContent).toBe(text.adAccounts.cannotManage);
      boxes[1]?.click();
      await settle();
      await click(button(text.adAccounts.save));
      expect(facebook.saveAdAccounts).toHaveBeenCalledExactlyOnceWith([
        'act_1029384756',
        'act_222',
      ]);
      expect(pageText()).toContain(text.adAccounts.saved(2));
      expect(document.querySelector('form.ad-account-picker')).toBeNull();
    });
  });

  describe('the health panel', () => {
    it('names the token in use and says all is well', async () => {
      await open(facebookStatus());
      expect(pageText()).toContain(text.facebookHealth.userToken('Dana Demo'));
      expect(pageText()).toContain(text.facebookHealth.healthyTitle);
      expect(pageText()).toContain('(in 50 days)');
    });

    it('shows an invalid token with the catalog’s fix and a Reconnect button', async () => {
      const reason = {
        code: 'facebook_token_password_changed',
        message: 'x',
        at: new Date().toISOString(),
      };
      await open(facebookStatus({ user: tokenStatus({ valid: false, invalidReason: reason }) }));
      const entry = describeError('facebook_token_password_changed');
      expect(pageText()).toContain(entry.title);
      expect(pageText()).toContain(entry.steps[0]);
      expect(pageText()).not.toContain(text.facebookHealth.healthyTitle);
      await click(button(text.facebook.reconnect));
      expect(facebook.connect).toHaveBeenCalledOnce();
    });

    it('shows marketers the same problem with “ask an admin” instead of buttons', async () => {
      await open(facebookStatus({ user: tokenStatus({ valid: false }) }), false);
      expect(pageText()).toContain(describeError('facebook_token_invalid').title);
      expect(pageText()).toContain(text.facebook.askAdmin);
      expect(buttons()).toEqual([text.facebookHealth.checkNow]);
      expect(document.querySelector('input')).toBeNull();
    });

    it('warns of an expiry under 7 days', async () => {
      await open(facebookStatus({ user: tokenStatus({ expiringSoon: true, expiresInDays: 3 }) }));
      expect(pageText()).toContain(text.facebookHealth.expiringTitle(3));
      expect(buttons()).toContain(text.facebook.reconnect);
    });

    it('links each account without the Custom Audience Terms to their acceptance, in a new tab', async () => {
      await open(
        facebookStatus({
          adAccounts: [
            connectedAccount(),
            connectedAccount({
              accountId: '222',
              name: 'Northwind EU',
              customAudienceTos: 'not_accepted',
            }),
          ],
        }),
        false,
      );
      expect(pageText()).toContain(text.facebookHealth.termsTitle('Northwind EU'));
      const [link] = links();
      expect(links()).toHaveLength(1);
      expect(link?.textContent).toBe(text.facebookHealth.acceptTerms('Northwind EU'));
      expect(link?.href).toBe(
        'https://business.facebook.com/ads/manage/customaudiences/tos/?act=222',
      );
      expect(link?.target).toBe('_blank');
      expect(link?.rel).toBe('noopener noreferrer');
    });

    it('says when the token lost access to a chosen account', async () => {
      await open(facebookStatus({ adAccounts: [connectedAccount({ accessible: false })] }));
      expect(pageText()).toContain(text.facebookHealth.noAccessTitle('Northwind US'));
    });

    it('says when Facebook could not be checked', async () => {
      await open(facebookStatus({ checkError: { code: 'facebook_transient', message: 'x' } }));
      expect(pageText()).toContain(text.facebookHealth.checkFailedTitle);
    });

    it('checks again with Facebook on Check now', async () => {
      await open(facebookStatus());
      facebook.status.mockResolvedValue(
        ok(facebookStatus({ user: tokenStatus({ valid: false }) })),
      );
      await click(button(text.facebookHealth.checkNow));
      expect(facebook.status).toHaveBeenLastCalledWith(true);
      expect(pageText()).toContain(describeError('facebook_token_invalid').title);
    });
  });

  describe('the System User token', () => {
    it('checks what was pasted before sending it', async () => {
      await open(facebookStatus());
      await click(button(text.systemUser.save));
      expect(pageText()).toContain(text.systemUser.missing);
      await type(field(text.systemUser.label), 'EAAB');
      await click(button(text.systemUser.save));
      expect(pageText()).toContain(text.systemUser.tooShort);
      expect(document.activeElement).toBe(field(text.systemUser.label));
      expect(facebook.useSystemUserToken).not.toHaveBeenCalled();
    });

    it('sends the token, says whose it is, and shows it in use', async () => {
      await open(facebookStatus());
      const withSystemUser = facebookStatus({
        tokenInUse: 'system_user',
        systemUser: tokenStatus({
          kind: 'system_user',
          facebookUser: { id: '9', name: 'Robot' },
          expiresAt: null,
          expiresInDays: null,
        }),
      });
      facebook.status.mockResolvedValue(ok(withSystemUser));
      await type(field(text.systemUser.label), ` ${'E'.repeat(40)} `);
      await click(button(text.systemUser.save));
      await settle();
      expect(facebook.useSystemUserToken).toHaveBeenCalledExactlyOnceWith('E'.repeat(40));
      expect(pageText()).toContain(text.systemUser.saved('Robot'));
      expect(pageText()).toContain(text.facebookHealth.systemUserToken('Robot'));
      expect(pageText()).toContain(text.facebookHealth.never);
      expect(field(text.systemUser.label).value).toBe('');
    });

    it('shows the relay’s refusal of a token', async () => {
      await open(facebookStatus());
      facebook.useSystemUserToken.mockResolvedValue(
        failed({
          kind: 'server',
          status: 502,
          code: 'facebook_token_wrong_app',
          message: 'x',
          requestId: 'r',
        }),
      );
      await type(field(text.systemUser.label), 'E'.repeat(40));
      await click(button(text.systemUser.save));
      expect(document.querySelector('[role="alert"]')?.textContent).toContain(
        describeError('facebook_token_wrong_app').title,
      );
    });

    it('removes it, falling back to the user token', async () => {
      await open(
        facebookStatus({
          tokenInUse: 'system_user',
          systemUser: tokenStatus({ kind: 'system_user' }),
        }),
      );
      await click(button(text.systemUser.remove));
      expect(facebook.removeSystemUserToken).toHaveBeenCalledOnce();
      expect(pageText()).toContain(text.systemUser.removed);
      expect(pageText()).toContain(text.facebookHealth.userToken('Dana Demo'));
    });
  });

  describe('disconnecting', () => {
    it('asks first, and keeps the connection when told to', async () => {
      await open(facebookStatus());
      await click(button(text.disconnect.button));
      expect(pageText()).toContain(text.disconnect.confirmText);
      expect(document.activeElement?.textContent).toBe(text.disconnect.confirmTitle);
      await click(button(text.disconnect.keep));
      expect(facebook.disconnect).not.toHaveBeenCalled();
      expect(buttons()).toContain(text.disconnect.button);
    });

    it('disconnects once confirmed', async () => {
      await open(facebookStatus());
      await click(button(text.disconnect.button));
      await click(button(text.disconnect.confirm));
      expect(facebook.disconnect).toHaveBeenCalledOnce();
      expect(pageText()).toContain(text.disconnect.done);
      expect(buttons()).toEqual([text.facebook.connect]);
    });
  });
});
