import type { IncomingMessage } from 'node:http';
import type { Params } from './params.ts';
import type { RequestRecord, World } from './world.ts';

/** What every Graph handler can read from the Hono context. */
export type GraphEnv = {
  /** Set by @hono/node-server; absent when the emulator is called in-process. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    world: World;
    params: Params;
    version: string;
    record: RequestRecord;
    /** Set by handlers of custom-audience calls: which account's usage headers to send. */
    usageAccountId?: string;
    /** Set once the caller is known: the app whose platform usage to report. */
    usageAppId?: string;
    /** Set by a `throttle` fault: the next custom-audience check answers 80003. */
    forcedThrottleMinutes?: number;
  };
};
