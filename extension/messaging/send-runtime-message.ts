import { browser } from 'wxt/browser';
// Types only: the schemas (and zod) stay out of the content script's bundle.
import type { MessageReply, RuntimeMessage } from './runtime-messages.ts';

/**
 * Sends a message to the background and resolves with its reply; never rejects, so a
 * failure (no background, refused message) is a value the caller can show.
 */
export async function sendRuntimeMessage(
  message: RuntimeMessage,
  send: (message: RuntimeMessage) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Promise<MessageReply> {
  try {
    const reply = (await send(message)) as MessageReply | undefined;
    return reply ?? { ok: false, error: 'The extension did not answer.' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
