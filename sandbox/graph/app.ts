import { Hono } from 'hono';
import type { GraphEnv } from './context.ts';
import { controlRoutes } from './control.ts';
import { demoWorldSeed } from './demo-world.ts';
import { GraphError, unknownPath } from './errors.ts';
import { applyFaults, DroppedConnection } from './faults.ts';
import { recordCalls } from './pipeline.ts';
import { adAccountRoutes } from './routes/ad-accounts.ts';
import { audienceRoutes } from './routes/audiences.ts';
import { debugTokenRoutes } from './routes/debug-token.ts';
import { meRoutes } from './routes/me.ts';
import { oauthDialogRoutes } from './routes/oauth-dialog.ts';
import { oauthTokenRoutes } from './routes/oauth-token.ts';
import { type ApiSurface, assertVersion } from './versions.ts';
import { World, type WorldSeed } from './world.ts';

export interface GraphEmulatorOptions {
  now?: () => Date;
  /** Seeds every id, token and trace id the emulator invents. */
  seed?: number;
  /** The world to start from (and return to on reset); the demo world by default. */
  world?: WorldSeed;
  /** false: audiences count members without keeping them (huge benchmark uploads). */
  retainRows?: boolean;
  /** How many requests the log keeps. */
  requestLogSize?: number;
  /**
   * Told about bugs of the emulator itself (answered as Meta's code 1, "unknown error");
   * console.error by default so they don't pass for Meta flakiness.
   */
  onUnexpectedError?: (error: unknown) => void;
}

export interface GraphEmulator {
  /** Serve with `listen({ fetch })` or call in-process. */
  fetch: (request: Request, env?: GraphEnv['Bindings']) => Promise<Response>;
  world: World;
}

/** Routes served on one version clock: Graph endpoints outlive Marketing API ones. */
function on(surface: ApiSurface, routes: Hono<GraphEnv>) {
  return new Hono<GraphEnv>()
    .use(async (c, next) => {
      assertVersion(c.var.version, surface, c.var.world.now(), c.req.path);
      await next();
    })
    .route('/', routes);
}

/**
 * The Meta Graph / Marketing API emulator: OAuth dialog and token exchange, debug_token,
 * /me, ad accounts, custom audiences and their members, strict as the reference says Meta
 * is; plus the control API under `/__sandbox/` for tests to shape and inspect the world.
 */
export function createGraphEmulator(options: GraphEmulatorOptions = {}): GraphEmulator {
  const world = new World({
    seed: options.world ?? demoWorldSeed(),
    now: options.now ?? (() => new Date()),
    randomSeed: options.seed ?? 1,
    retainRows: options.retainRows ?? true,
    requestLogSize: options.requestLogSize ?? 1000,
  });
  const onUnexpectedError = options.onUnexpectedError ?? ((error) => console.error(error));

  const graph = new Hono<GraphEnv>()
    .use(async (c, next) => {
      c.set('version', c.req.param('version') ?? '');
      await next();
    })
    .use(applyFaults)
    .route('/dialog', on('graph', oauthDialogRoutes()))
    .route('/oauth', on('graph', oauthTokenRoutes()))
    .route('/debug_token', on('graph', debugTokenRoutes()))
    .route('/me', on('graph', meRoutes()))
    .route('/:account{act_[0-9]+}', on('marketing', adAccountRoutes()))
    .route('/:audienceId{[0-9]+}', on('marketing', audienceRoutes()))
    .all('*', (c) => {
      throw unknownPath(c.req.path);
    });

  const app = new Hono<GraphEnv>()
    .route('/__sandbox', controlRoutes(world))
    .use(recordCalls(world))
    .route('/:version{v[0-9]+\\.[0-9]+}', graph)
    .all('*', (c) => {
      throw unknownPath(c.req.path);
    })
    .onError((error, c) => {
      if (error instanceof DroppedConnection) throw error;
      if (!(error instanceof GraphError)) onUnexpectedError(error);
      const graphError =
        error instanceof GraphError
          ? error
          : new GraphError({ message: 'An unknown error has occurred.', code: 1, transient: true });
      const record = c.get('record');
      if (record) {
        record.status = graphError.status;
        record.errorCode = graphError.code;
        record.errorSubcode = graphError.subcode;
      }
      const trace = world.newTraceId();
      const headers: Record<string, string> = { 'x-fb-trace-id': trace };
      if (graphError.code === 190) {
        headers['www-authenticate'] =
          `OAuth "Facebook Platform" "invalid_token" "${graphError.message.replaceAll('"', "'")}"`;
      }
      return c.json(graphError.body(trace), graphError.status as 400, headers);
    });

  return {
    world,
    fetch: async (request, env) => app.fetch(request, env),
  };
}
