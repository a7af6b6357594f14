import { describe, expect, it } from 'vitest';
import type { RuntimeMessage } from '../../../../extension/messaging/runtime-messages.ts';
import { sendRuntimeMessage } from '../../../../extension/messaging/send-runtime-message.ts';
import { FIXTURE_SEGMENT } from '../segment-page/segment-page-fixture.ts';

const message: RuntimeMessage = { type: 'segment:selected', segment: FIXTURE_SEGMENT };

describe('sendRuntimeMessage', () => {
  it('sends the message and resolves with the reply', async () => {
    const sent: unknown[] = [];
    const reply = await sendRuntimeMessage(message, async (m) => {
      sent.push(m);
      return { ok: true };
    });
    expect(sent).toEqual([message]);
    expect(reply).toEqual({ ok: true });
  });

  it('passes a refusal through', async () => {
    const refusal = { ok: false, error: 'The segment does not match the page that sent it.' };
    expect(await sendRuntimeMessage(message, async () => refusal)).toEqual(refusal);
  });

  it('turns a missing reply into a failure', async () => {
    expect(await sendRuntimeMessage(message, async () => undefined)).toEqual({
      ok: false,
      error: 'The extension did not answer.',
    });
  });

  it('turns a failed send into a failure instead of rejecting', async () => {
    const reply = await sendRuntimeMessage(message, async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(reply).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });

  it('reaches the background through the browser by default', async () => {
    // fake-browser rejects when nothing listens, as Chrome does with no background.
    expect(await sendRuntimeMessage(message)).toEqual({
      ok: false,
      error: 'No listeners available',
    });
  });
});
