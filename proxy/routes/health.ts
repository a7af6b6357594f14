import { Hono } from 'hono';

export interface HealthDeps {
  startedAt: Date;
  now: () => Date;
  version: string;
}

/** `/healthz`: liveness for operators and `npm start`'s own readiness check. */
export function healthRoutes({ startedAt, now, version }: HealthDeps) {
  return new Hono().get('/healthz', (c) =>
    c.json({
      status: 'ok',
      version,
      uptimeSeconds: Math.floor((now().getTime() - startedAt.getTime()) / 1000),
    }),
  );
}
