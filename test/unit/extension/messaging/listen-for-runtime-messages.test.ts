import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  listenForRuntimeMessages,
  type MessageSender,
} from '../../../../extension/messaging/listen-for-runtime-messages.ts';
import type { MessageReply } from '../../../../extension/messaging/runtime-messages.ts';
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

function listen() {
  const selected = vi.fn(async () => {});
  const stop = listenForRuntimeMessages({ 'segment:selected': selected });
  return { selected, stop };
}

describe('listenForRuntimeMessages', () => {
  it('hands a valid message to its handler and replies ok', async () => {
    const { selected } = listen();
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 7 } as never, url: 'https://x' };
    expect(await deliver({ type: 'segment:selected', segment }, sender)).toEqual({ ok: true });
    expect(selected).toHaveBeenCalledExactlyOnceWith({ type: 'segment:selected', segment }, sender);
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
    listenForRuntimeMessages({
      'segment:selected': async () => {
        throw new Error('The segment does not match the page that sent it.');
      },
    });
    expect(await deliver({ type: 'segment:selected', segment })).toEqual({
      ok: false,
      error: 'The segment does not match the page that sent it.',
    });
  });

  it('replies with an error when a handler throws synchronously', async () => {
    listenForRuntimeMessages({
      'segment:selected': (() => {
        throw new Error('boom');
      }) as never,
    });
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
