import { browser } from 'wxt/browser';

/** How a Facebook login window ended. */
export type WebAuthOutcome =
  /** The dialog redirected back to the extension: `url` carries a code or an error, and state. */
  | { kind: 'redirected'; url: string }
  /** The person closed the window before the dialog redirected. */
  | { kind: 'closed' }
  /** The browser could not run the flow (no window, a page that failed to load, …). */
  | { kind: 'failed'; message: string };

/**
 * `identity.launchWebAuthFlow` behind an adapter: fake-browser has no `identity`, and only the
 * background may call it (a page dies when the login window takes focus).
 */
export interface WebAuthFlow {
  /** The URL the login dialog must redirect to: `https://<extension id>.chromiumapp.org/`. */
  redirectUrl(): string;
  /** Opens the login dialog in its own window and waits until it redirects back or closes. */
  launch(url: string): Promise<WebAuthOutcome>;
}

type Identity = Pick<typeof browser.identity, 'getRedirectURL' | 'launchWebAuthFlow'>;

// Chrome: "The user did not approve access."; Firefox: "User cancelled or denied access."
const CLOSED_BY_PERSON = /did not approve|cancell?ed|denied/i;

export function browserWebAuthFlow(identity: Identity = browser.identity): WebAuthFlow {
  return {
    redirectUrl: () => identity.getRedirectURL(),
    async launch(url) {
      try {
        const redirected = await identity.launchWebAuthFlow({ url, interactive: true });
        return redirected ? { kind: 'redirected', url: redirected } : { kind: 'closed' };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return CLOSED_BY_PERSON.test(message) ? { kind: 'closed' } : { kind: 'failed', message };
      }
    },
  };
}
