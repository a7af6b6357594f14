import { type CachedSession, readCachedSession, relaySessionItem } from './relay-storage.ts';

/** Where the relay client keeps its session token between calls. */
export interface SessionStore {
  get(): Promise<CachedSession | null>;
  set(session: CachedSession): Promise<void>;
  clear(): Promise<void>;
}

/** The saved relay's session, in `storage.session`, shared by every wake-up of the worker. */
export const storedSessionStore: SessionStore = {
  get: readCachedSession,
  set: (session) => relaySessionItem.setValue(session),
  clear: () => relaySessionItem.removeValue(),
};

/** A session kept in memory only: for checking settings that are not saved (yet). */
export function memorySessionStore(): SessionStore & { current: CachedSession | null } {
  const store = {
    current: null as CachedSession | null,
    get: async () => store.current,
    set: async (session: CachedSession) => {
      store.current = session;
    },
    clear: async () => {
      store.current = null;
    },
  };
  return store;
}
