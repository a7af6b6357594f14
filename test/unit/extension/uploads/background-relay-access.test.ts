import { describe, expect, it, vi } from 'vitest';
import { relayAccessFromBackground } from '../../../../extension/uploads/background-relay-access.ts';

describe('relayAccessFromBackground', () => {
  it('asks the background for the relay and its session, renewed when asked', async () => {
    const value = { ok: true as const, value: { relayUrl: 'https://r', token: 't' } };
    const send = vi.fn(async () => ({ ok: true as const, value }));
    expect(await relayAccessFromBackground(true, send as never)).toEqual(value);
    expect(send).toHaveBeenCalledWith({ type: 'relay:access', renew: true });
  });

  it('tells no relay from no background', async () => {
    const none = vi.fn(async () => ({ ok: true as const, value: null }));
    expect(await relayAccessFromBackground(false, none as never)).toEqual({
      ok: false,
      failure: { kind: 'no-relay' },
    });
    const gone = vi.fn(async () => ({ ok: false as const, error: 'No receiving end.' }));
    expect(await relayAccessFromBackground(false, gone as never)).toEqual({
      ok: false,
      failure: { kind: 'no-background', detail: 'No receiving end.' },
    });
  });
});
