import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { OptionsPage } from '../../../../extension/options/options-page.tsx';
import type { OptionsSection } from '../../../../extension/options/options-section.ts';
import type { HostPermissions } from '../../../../extension/permissions/host-permissions.ts';
import type { RelayConnection } from '../../../../extension/relay/relay-status.ts';
import { API_KEY, KEY_ID, RELAY_URL } from '../relay/fake-relay.ts';
import {
  connectedStatus,
  failedStatus,
  fakeBackgroundRelay,
  REVOKED,
  relayConnection,
} from '../support/fake-background-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../support/render-page.ts';

const text = en.options.relay;
const errors = en.relayForm.errors;

let relay: ReturnType<typeof fakeBackgroundRelay>;
let permissions: {
  request: Mock<HostPermissions['request']>;
  release: Mock<HostPermissions['release']>;
};

beforeEach(() => {
  relay = fakeBackgroundRelay();
  permissions = { request: vi.fn(async () => true), release: vi.fn(async () => true) };
});

async function open(saved: RelayConnection | null = null, sections: OptionsSection[] = []) {
  relay.status.mockResolvedValue({ ok: true, value: saved });
  await mount(<OptionsPage relay={relay} permissions={permissions} sections={sections} />);
  await settle();
}

async function fillAndConnect(url: string, apiKey: string) {
  await type(field(en.relayForm.urlLabel), url);
  await type(field(en.relayForm.keyLabel), apiKey);
  await click(button(en.relayForm.connect));
}

const alertText = () => document.querySelector('[role="alert"]')?.textContent ?? '';
const focused = () => document.activeElement;

describe('the options page', () => {
  it('says it is checking the relay until the background answers', async () => {
    relay.status.mockReturnValue(new Promise(() => {}));
    await mount(<OptionsPage relay={relay} permissions={permissions} sections={[]} />);
    expect(document.querySelector('[role="status"]')?.textContent).toBe(en.loading);
    expect(document.querySelector('form')).toBeNull();
  });

  it('links to the Syncs page from its header', async () => {
    await open();
    const link = [...document.querySelectorAll('header a')].find(
      (node) => node.textContent === en.syncs.openSyncs,
    );
    expect(link?.getAttribute('href')).toBe('syncs.html');
  });

  it('asks for the relay’s address and key when none is configured', async () => {
    await open();
    expect(pageText()).toContain(text.intro);
    expect(field(en.relayForm.urlLabel).value).toBe('');
    expect(field(en.relayForm.keyLabel).type).toBe('password');
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('ties each field to its hint', async () => {
    await open();
    const url = field(en.relayForm.urlLabel);
    const hint = document.getElementById(url.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(en.relayForm.urlHint);
  });

  describe('checking what was typed', () => {
    it('shows each problem at its field, focuses the first, and sends nothing', async () => {
      await open();
      await fillAndConnect('http://relay.example.com', '');
      const url = field(en.relayForm.urlLabel);
      const key = field(en.relayForm.keyLabel);
      expect(url.getAttribute('aria-invalid')).toBe('true');
      expect(key.getAttribute('aria-invalid')).toBe('true');
      const [urlError] = (url.getAttribute('aria-describedby') ?? '').split(' ');
      expect(document.getElementById(urlError ?? '')?.textContent).toBe(errors.urlInsecure);
      expect(pageText()).toContain(errors.keyMissing);
      expect(focused()).toBe(url);
      expect(permissions.request).not.toHaveBeenCalled();
      expect(relay.configure).not.toHaveBeenCalled();
    });

    it('focuses the key when only the key is wrong, and clears fixed errors', async () => {
      await open();
      await fillAndConnect('', 'ar_live_nope');
      await fillAndConnect('relay.example.com', 'ar_live_nope');
      expect(field(en.relayForm.urlLabel).hasAttribute('aria-invalid')).toBe(false);
      expect(pageText()).not.toContain(errors.urlMissing);
      expect(pageText()).toContain(errors.keyInvalid);
      expect(focused()).toBe(field(en.relayForm.keyLabel));
    });
  });

  describe('connecting', () => {
    it('asks for the relay’s host permission first, then checks the relay', async () => {
      await open();
      permissions.request.mockImplementation(async () => {
        expect(relay.configure).not.toHaveBeenCalled();
        return true;
      });
      await fillAndConnect('relay.example.com/', ` ${API_KEY} `);
      expect(permissions.request).toHaveBeenCalledExactlyOnceWith('https://relay.example.com/*');
      expect(relay.configure).toHaveBeenCalledExactlyOnceWith({ url: RELAY_URL, apiKey: API_KEY });
    });

    it('shows the workspace and the role once connected, and focuses the news', async () => {
      await open();
      await fillAndConnect(RELAY_URL, API_KEY);
      const heading = document.querySelector('h3');
      expect(heading?.textContent).toBe(text.connectedTo('Acme Marketing'));
      expect(focused()).toBe(heading);
      expect(pageText()).toContain(`${en.roles.admin.name} ${en.roles.admin.description}`);
      expect(pageText()).toContain(RELAY_URL);
      expect(pageText()).toContain(text.keyShown(KEY_ID));
      expect(pageText()).not.toContain(API_KEY);
      expect(document.querySelector('form')).toBeNull();
    });

    it('shows a marketer key’s role', async () => {
      await open();
      relay.configure.mockResolvedValue({
        ok: true,
        value: { ok: true, value: relayConnection(connectedStatus('marketer')) },
      });
      await fillAndConnect(RELAY_URL, API_KEY);
      expect(pageText()).toContain(`${en.roles.marketer.name} ${en.roles.marketer.description}`);
    });

    it('says so when the permission is declined, without calling the relay', async () => {
      await open();
      permissions.request.mockResolvedValue(false);
      await fillAndConnect(RELAY_URL, API_KEY);
      expect(alertText()).toContain(en.problems.permissionDenied.title);
      expect(alertText()).toContain('https://relay.example.com');
      expect(relay.configure).not.toHaveBeenCalled();
    });

    it.each([
      ['an unreachable relay', { kind: 'unreachable', reason: 'network' }, 'Can’t reach the relay'],
      ['a revoked key', REVOKED, 'Workspace key revoked'],
      [
        'an address that is not a relay',
        { kind: 'unexpected-response', status: 404 },
        'not an Audience Relay',
      ],
    ] as const)(
      'explains %s, focuses the explanation and keeps the form',
      async (_, failure, title) => {
        await open();
        relay.configure.mockResolvedValue({ ok: true, value: { ok: false, failure } });
        await fillAndConnect(RELAY_URL, API_KEY);
        expect(alertText()).toContain(title);
        expect(focused()).toBe(document.querySelector('[role="alert"]'));
        expect(field(en.relayForm.urlLabel).value).toBe(RELAY_URL);
      },
    );

    it('shows the request id the operator needs', async () => {
      await open();
      relay.configure.mockResolvedValue({ ok: true, value: { ok: false, failure: REVOKED } });
      await fillAndConnect(RELAY_URL, API_KEY);
      expect(alertText()).toContain(`${en.problems.reference} req-42`);
    });

    it('moves focus to the new explanation when the next attempt fails too', async () => {
      await open();
      relay.configure.mockResolvedValue({ ok: true, value: { ok: false, failure: REVOKED } });
      await fillAndConnect(RELAY_URL, API_KEY);
      field(en.relayForm.keyLabel).focus();
      await click(button(en.relayForm.connect));
      expect(relay.configure).toHaveBeenCalledTimes(2);
      expect(focused()).toBe(document.querySelector('[role="alert"]'));
    });

    it('says when the background does not answer', async () => {
      await open();
      relay.configure.mockResolvedValue({ ok: false, error: 'No listeners available' });
      await fillAndConnect(RELAY_URL, API_KEY);
      expect(alertText()).toContain(en.problems.extensionNotAnswering.title);
      expect(alertText()).toContain('No listeners available');
    });

    it('says it is connecting, and ignores more clicks meanwhile', async () => {
      await open();
      let answer: (value: Awaited<ReturnType<typeof relay.configure>>) => void = () => {};
      relay.configure.mockReturnValue(new Promise((resolve) => (answer = resolve)));
      await fillAndConnect(RELAY_URL, API_KEY);
      const busy = button(en.relayForm.connecting);
      expect(busy.getAttribute('aria-disabled')).toBe('true');
      await click(busy);
      expect(relay.configure).toHaveBeenCalledOnce();
      answer({ ok: true, value: { ok: true, value: relayConnection() } });
      await settle();
      expect(document.querySelector('h3')?.textContent).toBe(text.connectedTo('Acme Marketing'));
    });
  });

  describe('a saved relay', () => {
    it('is shown connected, without the form', async () => {
      await open(relayConnection());
      expect(document.querySelector('h3')?.textContent).toBe(text.connectedTo('Acme Marketing'));
      expect(document.querySelector('form')).toBeNull();
      // Opening the page is not news: focus stays where the browser put it.
      expect(focused()).toBe(document.body);
    });

    it('can be forgotten: the form comes back, focused, and the permission goes', async () => {
      await open(relayConnection());
      await click(button(text.forget));
      expect(relay.forget).toHaveBeenCalledOnce();
      expect(permissions.release).toHaveBeenCalledExactlyOnceWith('https://relay.example.com/*');
      expect(pageText()).toContain(text.forgotten);
      expect(focused()).toBe(field(en.relayForm.urlLabel));
      expect(field(en.relayForm.urlLabel).value).toBe('');
    });

    it('stays when the background could not forget it', async () => {
      await open(relayConnection());
      relay.forget.mockResolvedValue({ ok: false, error: 'The extension did not answer.' });
      await click(button(text.forget));
      expect(alertText()).toContain(en.problems.extensionNotAnswering.title);
      expect(permissions.release).not.toHaveBeenCalled();
    });

    it('that fails now is shown with why, ready for a new key or to be forgotten', async () => {
      await open(relayConnection(failedStatus(REVOKED)));
      expect(pageText()).toContain(text.savedRelayFailing);
      expect(alertText()).toContain('Workspace key revoked');
      expect(pageText()).toContain(text.keyShown(KEY_ID));
      expect(field(en.relayForm.urlLabel).value).toBe(RELAY_URL);
      expect(field(en.relayForm.keyLabel).value).toBe('');
      await click(button(text.forget));
      expect(relay.forget).toHaveBeenCalledOnce();
      expect(pageText()).not.toContain(text.savedRelayFailing);
    });
  });

  it('explains a background that does not answer at all', async () => {
    relay.status.mockResolvedValue({ ok: false, error: 'No listeners available' });
    await mount(<OptionsPage relay={relay} permissions={permissions} sections={[]} />);
    await settle();
    expect(alertText()).toContain(en.problems.extensionNotAnswering.title);
    expect(document.querySelector('form')).toBeNull();
  });

  describe('later sections', () => {
    const section = (adminOnly: boolean): OptionsSection => ({
      id: 'facebook',
      title: 'Facebook',
      intro: 'The connection belongs to the workspace.',
      adminOnly,
      Content: ({ status }) => <p>Facebook settings for {status.workspace.name}</p>,
    });

    it('appear only once a relay is connected', async () => {
      await open(null, [section(false)]);
      expect(pageText()).not.toContain('Facebook settings');
      await open(relayConnection(failedStatus(REVOKED)), [section(false)]);
      expect(pageText()).not.toContain('Facebook settings');
      await open(relayConnection(), [section(false)]);
      expect(document.getElementById('facebook')?.textContent).toBe('Facebook');
      expect(pageText()).toContain('Facebook settings for Acme Marketing');
    });

    it('tell a marketer to ask an admin when they are admin-only', async () => {
      await open(relayConnection(connectedStatus('marketer')), [section(true)]);
      expect(pageText()).not.toContain('Facebook settings');
      expect(pageText()).toContain(en.options.adminOnly.text('Facebook'));
      // Under the heading, for marketers too: what the section is for.
      expect(
        document.querySelector('section[aria-labelledby="facebook"] header')?.textContent,
      ).toBe('FacebookThe connection belongs to the workspace.');
      await open(relayConnection(connectedStatus('admin')), [section(true)]);
      expect(pageText()).toContain('Facebook settings for Acme Marketing');
    });
  });
});
