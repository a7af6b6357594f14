import type { Context, Next } from 'hono';
import type { GraphEnv } from './context.ts';
import { serviceUnavailable } from './errors.ts';

/** Thrown (in-process) or signalled (over HTTP) when a fault drops the connection. */
export class DroppedConnection extends TypeError {
  override name = 'DroppedConnection';
  constructor() {
    super('fetch failed: the Graph emulator dropped the connection (injected fault)');
  }
}

/** What Meta's front end answers when something breaks before the Graph layer. */
const ERROR_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Error</title></head>
<body><h1>Sorry, something went wrong.</h1>
<p>We're working on getting this fixed as soon as we can.</p></body></html>`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies the first armed fault whose method and path pattern match this call: an HTML 500
 * page, a transient code 2, added latency, a dropped connection (before the call is handled,
 * or after, so the work is done but the answer is lost) or a throttle.
 */
export async function applyFaults(c: Context<GraphEnv>, next: Next) {
  const fault = c.var.world.takeFault(c.req.method, c.req.path);
  if (!fault) return next();
  c.var.record.fault = fault.kind;
  switch (fault.kind) {
    case 'http500':
      return c.html(ERROR_PAGE, 500);
    case 'transient':
      throw serviceUnavailable();
    case 'latency':
      await sleep(fault.latencyMs ?? 0);
      return next();
    case 'throttle':
      c.set('forcedThrottleMinutes', fault.minutes ?? 1);
      return next();
    case 'drop':
      return dropConnection(c);
    case 'drop-after':
      await next();
      return dropConnection(c);
  }
}

function dropConnection(c: Context<GraphEnv>): Response {
  const socket = c.env?.incoming?.socket;
  if (!socket) throw new DroppedConnection();
  socket.destroy();
  c.res = new Response(null, { status: 499 });
  return c.res;
}
