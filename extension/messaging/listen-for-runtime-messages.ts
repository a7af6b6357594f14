import { type Browser, browser } from 'wxt/browser';
import {
  type MessageReply,
  type RuntimeMessage,
  type RuntimeMessageOf,
  type RuntimeMessageType,
  runtimeMessageSchema,
} from './runtime-messages.ts';

export type MessageSender = Browser.runtime.MessageSender;

/** One handler per message type; throwing refuses the message with the error's text. */
export type RuntimeMessageHandlers = {
  [T in RuntimeMessageType]: (message: RuntimeMessageOf<T>, sender: MessageSender) => Promise<void>;
};

type Runtime = Pick<typeof browser.runtime, 'id' | 'onMessage'>;

/**
 * Answers runtime messages from this extension's own scripts: each is parsed against the
 * schema before its handler sees it, and every one gets a `MessageReply`. Returns the
 * function that stops listening.
 */
export function listenForRuntimeMessages(
  handlers: RuntimeMessageHandlers,
  runtime: Runtime = browser.runtime,
): () => void {
  const listener = (
    raw: unknown,
    sender: MessageSender,
    sendResponse: (reply: MessageReply) => void,
  ) => {
    if (sender.id !== runtime.id) return false;
    const parsed = runtimeMessageSchema.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: 'The message is not one the extension understands.' });
      return false;
    }
    dispatch(handlers, parsed.data, sender).then(
      () => sendResponse({ ok: true }),
      (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    // Keeps the channel open for the asynchronous reply (both Chrome and the polyfill).
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}

// Async so that a handler throwing synchronously still becomes a refusal.
async function dispatch(
  handlers: RuntimeMessageHandlers,
  message: RuntimeMessage,
  sender: MessageSender,
): Promise<void> {
  const handler = handlers[message.type] as (
    message: RuntimeMessage,
    sender: MessageSender,
  ) => Promise<void>;
  return handler(message, sender);
}
