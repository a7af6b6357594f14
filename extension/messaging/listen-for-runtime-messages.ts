import { type Browser, browser } from 'wxt/browser';
import {
  CONTENT_SCRIPT_MESSAGES,
  type MessageReply,
  type RuntimeMessage,
  type RuntimeMessageOf,
  type RuntimeMessageType,
  type RuntimeMessageValues,
  runtimeMessageSchema,
} from './runtime-messages.ts';

export type MessageSender = Browser.runtime.MessageSender;

/**
 * One handler per message type; what it resolves with is the reply's `value`, and throwing
 * refuses the message with the error's text.
 */
export type RuntimeMessageHandlers = {
  [T in RuntimeMessageType]: (
    message: RuntimeMessageOf<T>,
    sender: MessageSender,
  ) => Promise<RuntimeMessageValues[T]>;
};

type Runtime = Pick<typeof browser.runtime, 'id' | 'onMessage' | 'getURL'>;

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
    if (!CONTENT_SCRIPT_MESSAGES.has(parsed.data.type) && !fromExtensionPage(sender, runtime)) {
      sendResponse({ ok: false, error: 'Only the extension’s own pages may send this message.' });
      return false;
    }
    dispatch(handlers, parsed.data, sender).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    // Keeps the channel open for the asynchronous reply (both Chrome and the polyfill).
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}

/** A page of this extension (options, popup), as opposed to a content script in a web page. */
function fromExtensionPage(sender: MessageSender, runtime: Runtime): boolean {
  return sender.url?.startsWith(runtime.getURL('/')) ?? false;
}

// Async so that a handler throwing synchronously still becomes a refusal.
async function dispatch(
  handlers: RuntimeMessageHandlers,
  message: RuntimeMessage,
  sender: MessageSender,
): Promise<unknown> {
  const handler = handlers[message.type] as (
    message: RuntimeMessage,
    sender: MessageSender,
  ) => Promise<unknown>;
  return handler(message, sender);
}
