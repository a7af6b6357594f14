import { describe, expect, it, vi } from 'vitest';
import { browserWebAuthFlow } from '../../../../extension/facebook/web-auth-flow.ts';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

function identity(launch: (details: { url: string; interactive?: boolean }) => Promise<unknown>) {
  return { getRedirectURL: vi.fn(() => REDIRECT), launchWebAuthFlow: vi.fn(launch) } as never;
}

describe('browserWebAuthFlow', () => {
  it('gives the identity redirect URL', () => {
    expect(browserWebAuthFlow(identity(async () => undefined)).redirectUrl()).toBe(REDIRECT);
  });

  it('opens the dialog interactively and resolves with the URL it redirected to', async () => {
    const adapter = identity(async () => `${REDIRECT}?code=abc&state=s#_=_`);
    const outcome = await browserWebAuthFlow(adapter).launch('https://facebook.test/dialog');
    expect(outcome).toEqual({ kind: 'redirected', url: `${REDIRECT}?code=abc&state=s#_=_` });
    expect(
      (adapter as { launchWebAuthFlow: ReturnType<typeof vi.fn> }).launchWebAuthFlow,
    ).toHaveBeenCalledExactlyOnceWith({ url: 'https://facebook.test/dialog', interactive: true });
  });

  it.each([
    ['Chrome', 'The user did not approve access.'],
    ['Firefox', 'User cancelled or denied access.'],
  ])('reads %s’s error for a closed window as the person closing it', async (_, message) => {
    const flow = browserWebAuthFlow(
      identity(async () => {
        throw new Error(message);
      }),
    );
    expect(await flow.launch('https://facebook.test/dialog')).toEqual({ kind: 'closed' });
  });

  it('treats no URL at all as a closed window', async () => {
    const flow = browserWebAuthFlow(identity(async () => undefined));
    expect(await flow.launch('https://facebook.test/dialog')).toEqual({ kind: 'closed' });
  });

  it('reports any other failure with its message', async () => {
    const flow = browserWebAuthFlow(
      identity(async () => {
        throw new Error('Authorization page could not be loaded.');
      }),
    );
    expect(await flow.launch('https://facebook.test/dialog')).toEqual({
      kind: 'failed',
      message: 'Authorization page could not be loaded.',
    });
  });
});
