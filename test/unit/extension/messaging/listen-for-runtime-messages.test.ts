import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  listenForRuntimeMessages,
  type MessageSender,
  type RuntimeMessageHandlers,
} from '../../../../extension/messaging/listen-for-runtime-messages.ts';
import type { MessageReply } from '../../../../extension/messaging/runtime-messages.ts';
import {
  SYNC_MESSAGE_TYPES,
  type SyncMessageType,
} from '../../../../extension/messaging/sync-messages.ts';
import { FIXTURE_SEGMENT } from '../segment-page/segment-page-fixture.ts';

const segment = FIXTURE_SEGMENT;

beforeEach(() => fakeBrowser.reset());

/** Delivers a message the way the browser does and collects the reply, if any. */
async function deliver(message: unknown, sender: MessageSender = { id: fakeBrowser.runtime.id }) {
  let reply: MessageReply | undefined;
  const replied = new Promise<void>((resolve) => {
    const sendResponse = (value: MessageReply) => {
      reply = value;
      resolve();
    };
    void fakeBrowser.runtime.onMessage.trigger(message, sender, sendResponse).then((kept) => {
      if (!(kept as unknown[]).includes(true) && reply === undefined) resolve();
    });
  });
  await replied;
  return reply;
}

const OPTIONS_PAGE = `chrome-extension://${fakeBrowser.runtime.id}/options.html`;
const fromOptionsPage: MessageSender = { id: fakeBrowser.runtime.id, url: OPTIONS_PAGE };
const fromContentScript: MessageSender = {
  id: fakeBrowser.runtime.id,
  tab: { id: 7 } as never,
  url: 'https://dashboard-01.braze.com/engagement/segmenter/edit/x/y',
};
const API_KEY = `ar_live_0123456789abcdef_${'A'.repeat(43)}`;
const NO_RELAY = { ok: false as const, failure: { kind: 'no-relay' as const } };
const UNREACHABLE = {
  ok: false as const,
  failure: { kind: 'unreachable' as const, reason: 'network' as const },
};
const LOOKALIKE = { audienceId: '2384', request: { countries: ['US'], ratio: 0.05 } };

/** Handlers that record their calls and answer nothing, unless replaced. */
function handlers(replaced: Partial<RuntimeMessageHandlers> = {}): RuntimeMessageHandlers {
  return {
    'segment:selected': vi.fn(async () => {}),
    'relay:configure': vi.fn(async () => ({
      ok: false as const,
      failure: { kind: 'unreachable' as const, reason: 'network' as const },
    })),
    'relay:status': vi.fn(async () => null),
    'relay:forget': vi.fn(async () => {}),
    'facebook:status': vi.fn(async () => NO_RELAY),
    'facebook:connect': vi.fn(async () => NO_RELAY),
    'facebook:ad-accounts': vi.fn(async () => NO_RELAY),
    'facebook:save-ad-accounts': vi.fn(async () => NO_RELAY),
    'facebook:disconnect': vi.fn(async () => NO_RELAY),
    'facebook:use-system-user-token': vi.fn(async () => NO_RELAY),
    'facebook:remove-system-user-token': vi.fn(async () => NO_RELAY),
    'braze:settings': vi.fn(async () => NO_RELAY),
    'braze:save': vi.fn(async () => NO_RELAY),
    'braze:remove': vi.fn(async () => NO_RELAY),
    'dashboard-hosts:list': vi.fn(async () => []),
    'dashboard-hosts:add': vi.fn(async () => []),
    'dashboard-hosts:remove': vi.fn(async () => []),
    'export:start': vi.fn(async () => UNREACHABLE),
    'export:cancel': vi.fn(async () => UNREACHABLE),
    'exports:list': vi.fn(async () => UNREACHABLE),
    'export:get': vi.fn(async () => UNREACHABLE),
    'export:follow': vi.fn(async () => UNREACHABLE),
    'export:resume': vi.fn(async () => UNREACHABLE),
    'audience:create-lookalike': vi.fn(async () => UNREACHABLE),
    ...(Object.fromEntries(
      SYNC_MESSAGE_TYPES.map((type) => [type, vi.fn(async () => NO_RELAY)]),
    ) as unknown as Pick<RuntimeMessageHandlers, SyncMessageType>),
    ...replaced,
  };
}

function listen() {
  const all = handlers();
  const stop = listenForRuntimeMessages(all);
  return { selected: all['segment:selected'], all, stop };
}

describe('listenForRuntimeMessages', () => {
  it('hands a valid message to its handler and replies ok', async () => {
    const { selected } = listen();
    const sender = fromContentScript;
    expect(await deliver({ type: 'segment:selected', segment }, sender)).toEqual({ ok: true });
    expect(selected).toHaveBeenCalledExactlyOnceWith({ type: 'segment:selected', segment }, sender);
  });

  it('replies with what the handler resolved with', async () => {
    const connection = {
      url: 'https://relay.example.com',
      keyId: '0123456789abcdef',
      status: { state: 'failed', failure: { kind: 'unreachable', reason: 'timeout' } },
    };
    listenForRuntimeMessages(handlers({ 'relay:status': async () => connection as never }));
    expect(await deliver({ type: 'relay:status' }, fromOptionsPage)).toEqual({
      ok: true,
      value: connection,
    });
  });

  it('checks and normalises relay settings before the handler sees them', async () => {
    const { all } = listen();
    const message = { type: 'relay:configure', url: ' relay.example.com/ ', apiKey: API_KEY };
    await deliver(message, fromOptionsPage);
    expect(all['relay:configure']).toHaveBeenCalledExactlyOnceWith(
      { type: 'relay:configure', url: 'https://relay.example.com', apiKey: API_KEY },
      fromOptionsPage,
    );
  });

  it.each([
    ['an address that is not http(s)', { url: 'ftp://relay.example.com', apiKey: API_KEY }],
    ['a remote http:// address', { url: 'http://relay.example.com', apiKey: API_KEY }],
    ['a key of the wrong shape', { url: 'https://relay.example.com', apiKey: 'ar_live_x' }],
    ['no key', { url: 'https://relay.example.com' }],
  ])('refuses relay settings with %s', async (_, settings) => {
    const { all } = listen();
    const reply = await deliver({ type: 'relay:configure', ...settings }, fromOptionsPage);
    expect(reply).toMatchObject({ ok: false });
    expect(all['relay:configure']).not.toHaveBeenCalled();
  });

  it.each([
    ['relay:configure', { url: 'https://relay.example.com', apiKey: API_KEY }],
    ['relay:status', {}],
    ['relay:forget', {}],
    ['facebook:status', { refresh: false }],
    ['facebook:connect', {}],
    ['facebook:ad-accounts', {}],
    ['facebook:save-ad-accounts', { adAccountIds: ['act_1'] }],
    ['facebook:disconnect', {}],
    ['facebook:use-system-user-token', { token: 'EAAB…' }],
    ['facebook:remove-system-user-token', {}],
    ['braze:settings', {}],
    [
      'braze:save',
      { settings: { restEndpoint: 'https://rest.iad-01.braze.com', apiKey: 'braze-key-1234' } },
    ],
    ['braze:remove', {}],
    ['dashboard-hosts:list', {}],
    ['dashboard-hosts:add', { host: 'https://braze.example.com' }],
    ['dashboard-hosts:remove', { host: 'https://braze.example.com' }],
    ['exports:list', { limit: 20 }],
    ['export:get', { exportId: 'exp_1' }],
    ['export:follow', { exportId: 'exp_1' }],
    ['export:resume', { exportId: 'exp_1' }],
    ['audience:create-lookalike', LOOKALIKE],
  ] as const)('takes %s from the extension’s pages only', async (type, fields) => {
    const { all } = listen();
    expect(await deliver({ type, ...fields }, fromContentScript)).toEqual({
      ok: false,
      error: 'Only the extension’s own pages may send this message.',
    });
    expect(await deliver({ type, ...fields }, { id: fakeBrowser.runtime.id })).toMatchObject({
      ok: false,
    });
    expect(all[type]).not.toHaveBeenCalled();
    expect(await deliver({ type, ...fields }, fromOptionsPage)).toMatchObject({ ok: true });
    expect(all[type]).toHaveBeenCalledOnce();
  });

  it.each([
    ['a status without refresh', { type: 'facebook:status' }],
    [
      'an ad account id that is not one',
      { type: 'facebook:save-ad-accounts', adAccountIds: ['x'] },
    ],
    [
      'ad account ids that are not a list',
      { type: 'facebook:save-ad-accounts', adAccountIds: 'act_1' },
    ],
    ['a huge token', { type: 'facebook:use-system-user-token', token: 'E'.repeat(1001) }],
  ])('refuses Facebook messages with %s', async (_, message) => {
    const { all } = listen();
    expect(await deliver(message, fromOptionsPage)).toMatchObject({ ok: false });
    expect(all['facebook:status']).not.toHaveBeenCalled();
    expect(all['facebook:save-ad-accounts']).not.toHaveBeenCalled();
    expect(all['facebook:use-system-user-token']).not.toHaveBeenCalled();
  });

  it.each([
    ['no endpoint nor dashboard', { apiKey: 'braze-key-1234' }],
    [
      'both an endpoint and a dashboard',
      {
        restEndpoint: 'https://rest.iad-01.braze.com',
        dashboardUrl: 'https://dashboard-01.braze.com',
        apiKey: 'braze-key-1234',
      },
    ],
    [
      'an http endpoint off loopback',
      { restEndpoint: 'http://rest.example.com', apiKey: 'k'.repeat(9) },
    ],
    ['a short key', { restEndpoint: 'https://rest.iad-01.braze.com', apiKey: 'short' }],
  ])('refuses Braze settings with %s', async (_, settings) => {
    const { all } = listen();
    expect(await deliver({ type: 'braze:save', settings }, fromOptionsPage)).toMatchObject({
      ok: false,
    });
    expect(all['braze:save']).not.toHaveBeenCalled();
  });

  it.each([
    ['a history of more than the relay lists', { type: 'exports:list', limit: 201 }],
    ['a history of nothing', { type: 'exports:list', limit: 0 }],
    ['an export without id', { type: 'export:get', exportId: '' }],
    [
      'a lookalike in no country',
      { type: 'audience:create-lookalike', ...LOOKALIKE, request: { countries: [], ratio: 0.05 } },
    ],
    [
      'a lookalike of 25 %',
      {
        type: 'audience:create-lookalike',
        ...LOOKALIKE,
        request: { countries: ['US'], ratio: 0.25 },
      },
    ],
  ])('refuses export messages with %s', async (_, message) => {
    const { all } = listen();
    expect(await deliver(message, fromOptionsPage)).toMatchObject({ ok: false });
    expect(all['exports:list']).not.toHaveBeenCalled();
    expect(all['export:get']).not.toHaveBeenCalled();
    expect(all['audience:create-lookalike']).not.toHaveBeenCalled();
  });

  it('normalises a dashboard host before the handler sees it, and refuses a non-web one', async () => {
    const { all } = listen();
    await deliver(
      { type: 'dashboard-hosts:add', host: 'braze.example.com/engagement/x' },
      fromOptionsPage,
    );
    expect(all['dashboard-hosts:add']).toHaveBeenCalledExactlyOnceWith(
      { type: 'dashboard-hosts:add', host: 'https://braze.example.com' },
      fromOptionsPage,
    );
    const reply = await deliver(
      { type: 'dashboard-hosts:add', host: 'file:///etc' },
      fromOptionsPage,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(all['dashboard-hosts:add']).toHaveBeenCalledOnce();
  });

  it('drops fields the schema does not know', async () => {
    const { selected } = listen();
    await deliver({ type: 'segment:selected', segment: { ...segment, html: '<b>' }, extra: 1 });
    expect(selected).toHaveBeenCalledExactlyOnceWith(
      { type: 'segment:selected', segment },
      expect.anything(),
    );
  });

  it.each([
    ['an unknown type', { type: 'segment:deleted', segment }],
    ['no type', { segment }],
    ['not an object', 'segment:selected'],
    ['a missing segment', { type: 'segment:selected' }],
    ['a bad segment id', { type: 'segment:selected', segment: { ...segment, segmentId: 'x' } }],
    [
      'a bad workspace id',
      { type: 'segment:selected', segment: { ...segment, workspaceId: 'A'.repeat(24) } },
    ],
    ['an empty name', { type: 'segment:selected', segment: { ...segment, name: '   ' } }],
    ['a huge name', { type: 'segment:selected', segment: { ...segment, name: 'x'.repeat(1001) } }],
    [
      'a bad API identifier',
      { type: 'segment:selected', segment: { ...segment, apiIdentifier: 'abc' } },
    ],
    ['a number for a name', { type: 'segment:selected', segment: { ...segment, name: 42 } }],
  ])('refuses %s without calling a handler', async (_, message) => {
    const { selected } = listen();
    expect(await deliver(message)).toEqual({
      ok: false,
      error: 'The message is not one the extension understands.',
    });
    expect(selected).not.toHaveBeenCalled();
  });

  it('ignores messages from other extensions', async () => {
    const { selected } = listen();
    const reply = await deliver({ type: 'segment:selected', segment }, { id: 'another-extension' });
    expect(reply).toBeUndefined();
    expect(selected).not.toHaveBeenCalled();
  });

  it('replies with the handler’s error when it refuses', async () => {
    listenForRuntimeMessages(
      handlers({
        'segment:selected': async () => {
          throw new Error('The segment does not match the page that sent it.');
        },
      }),
    );
    expect(await deliver({ type: 'segment:selected', segment })).toEqual({
      ok: false,
      error: 'The segment does not match the page that sent it.',
    });
  });

  it('replies with an error when a handler throws synchronously', async () => {
    listenForRuntimeMessages(
      handlers({
        'segment:selected': (() => {
          throw new Error('boom');
        }) as never,
      }),
    );
    expect(await deliver({ type: 'segment:selected', segment })).toEqual({
      ok: false,
      error: 'boom',
    });
  });

  it('stops listening when asked', async () => {
    const { selected, stop } = listen();
    stop();
    expect(await deliver({ type: 'segment:selected', segment })).toBeUndefined();
    expect(selected).not.toHaveBeenCalled();
  });
});
