import { randomBytes } from 'node:crypto';

/** Where Braze calls back (`/callbacks/braze-export/<token>`), below the relay's public URL. */
export const BRAZE_CALLBACK_PATH = '/callbacks/braze-export';

/** One export's callback URL; each call to it wakes whoever waits on `rung`. */
export interface ExportDoorbell {
  url: string;
  /** Resolves at the next call of the URL, or at once if it was called since the last wait. */
  rung(): Promise<void>;
  /** The URL stops answering: a late or replayed call is refused. */
  close(): void;
}

export interface BrazeExportCallbacks {
  /** A doorbell at a fresh, unguessable URL; undefined when the relay has no public URL. */
  open(): ExportDoorbell | undefined;
  /** Braze called `token`'s URL: false for a token never handed out or closed. */
  ring(token: string): boolean;
}

/**
 * Per-export callback URLs for Braze's `callback_endpoint`. A call only says "look now": the
 * body is never read (anyone who learns the URL could post anything), the export's own
 * download URL is what gets checked, and polling goes on in case no call ever comes.
 */
export function createBrazeExportCallbacks({
  publicUrl,
  newToken = () => randomBytes(32).toString('base64url'),
}: {
  /** The relay's address as Braze reaches it, read at each export; undefined: no callbacks. */
  publicUrl: () => string | undefined;
  newToken?: () => string;
}): BrazeExportCallbacks {
  const bells = new Map<string, () => void>();
  return {
    open() {
      const base = publicUrl();
      if (!base) return undefined;
      const token = newToken();
      let rings = 0;
      let seen = 0;
      const waiters: (() => void)[] = [];
      bells.set(token, () => {
        rings += 1;
        for (const wake of waiters.splice(0)) wake();
      });
      return {
        url: `${base.replace(/\/+$/, '')}${BRAZE_CALLBACK_PATH}/${token}`,
        rung() {
          if (rings > seen) {
            seen = rings;
            return Promise.resolve();
          }
          return new Promise<void>((resolve) =>
            waiters.push(() => {
              seen = rings;
              resolve();
            }),
          );
        },
        close() {
          bells.delete(token);
        },
      };
    },
    ring(token) {
      const bell = bells.get(token);
      bell?.();
      return bell !== undefined;
    },
  };
}
