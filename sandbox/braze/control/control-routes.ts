import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { ExportJobs } from '../exports/jobs.ts';
import type { RateLimiter } from '../rest/rate-limit.ts';
import { type Faults, noFaults } from './faults.ts';
import type { RecordedRequest } from './request-log.ts';

export interface ControlDeps {
  faults: Faults;
  requests: RecordedRequest[];
  jobs: ExportJobs;
  clock: Clock;
  limiter: RateLimiter;
}

const count = z.number().int().positive().default(1);
const bytes = z.number().int().nonnegative();

/** `POST /__sandbox/faults/<url name>` sets one fault; each body says how. */
const FAULTS: Record<string, { name: keyof Faults; schema: z.ZodType }> = {
  'fail-next': {
    name: 'failNext',
    schema: z.object({ count, status: z.number().int().min(500).max(599).default(500) }),
  },
  'truncate-archive': { name: 'truncateArchive', schema: z.object({ count, afterBytes: bytes }) },
  'malformed-lines': {
    name: 'malformedLines',
    schema: z.object({ count, every: z.number().int().positive() }),
  },
  'drop-connection': { name: 'dropConnection', schema: z.object({ count, afterBytes: bytes }) },
};

/** `/__sandbox/*`: how tests steer the emulator. Not Braze: no auth, not recorded. */
export function controlRoutes({ faults, requests, jobs, clock, limiter }: ControlDeps) {
  const settle = () => jobs.poll();
  return new Hono()
    .get('/requests', (c) => c.json({ requests }))
    .delete('/requests', (c) => {
      requests.length = 0;
      return c.body(null, 204);
    })
    .post('/faults/:fault', async (c) => {
      const fault = FAULTS[c.req.param('fault')];
      if (!fault) return c.json({ error: `No fault named ${c.req.param('fault')}` }, 404);
      const parsed = fault.schema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
      Object.assign(faults, { [fault.name]: parsed.data });
      return c.body(null, 204);
    })
    .delete('/faults', (c) => {
      Object.assign(faults, noFaults());
      return c.body(null, 204);
    })
    .post(
      '/export-delay',
      zValidator('json', z.object({ ms: z.number().int().nonnegative() })),
      (c) => {
        jobs.setDelayMs(c.req.valid('json').ms);
        return c.body(null, 204);
      },
    )
    .get('/clock', (c) => c.json({ now: clock.now().toISOString() }))
    .post(
      '/clock',
      zValidator(
        'json',
        z.union([z.object({ advanceMs: z.number().int() }), z.object({ now: z.iso.datetime() })]),
      ),
      (c) => {
        const body = c.req.valid('json');
        if ('advanceMs' in body) clock.advance(body.advanceMs);
        else clock.set(new Date(body.now));
        settle();
        return c.json({ now: clock.now().toISOString() });
      },
    )
    .get('/exports', (c) => {
      settle();
      return c.json({
        exports: jobs.list().map((job) => ({
          object_prefix: job.prefix,
          segment_id: job.segment.apiId,
          url: job.url,
          state: jobs.state(job),
          callback: job.callback,
          ready_at: new Date(job.readyAt).toISOString(),
          expires_at: new Date(job.expiresAt).toISOString(),
        })),
      });
    })
    .post('/reset', (c) => {
      Object.assign(faults, noFaults());
      requests.length = 0;
      jobs.reset();
      clock.reset();
      limiter.reset();
      return c.body(null, 204);
    });
}

export type ControlRoutes = ReturnType<typeof controlRoutes>;
