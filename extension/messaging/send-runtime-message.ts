import { browser } from 'wxt/browser';
// Types only: the schemas (and zod) stay out of the content script's bundle.
import type { MessageReplyOf, RuntimeMessage } from './runtime-messages.ts';

/**
 * Sends a message to the background and resolves with its reply; never rejects, so a
 * failure (no background, refused message) is a value the caller can show.
 */
export async function sendRuntimeMessage<M extends RuntimeMessage>(
  message: M,
  send: (message: M) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Promise<MessageReplyOf<M['type']>> {
  try {
    const reply = (await send(message)) as MessageReplyOf<M['type']> | undefined;
    return reply ?? { ok: false, error: 'The extension did not answer.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
