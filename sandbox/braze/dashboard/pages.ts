import { Hono } from 'hono';
import type { Workspace } from '../segments/workspace.ts';
import { runDashboard } from './client.ts';

/** The browser script: the client function's own source, called once. */
const SCRIPT = `(${runDashboard.toString()})();\n`;

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Braze</title>
<style>
  body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #1f2933; }
  .topbar { background: #3d2b7a; color: #fff; padding: 8px 16px; font-weight: 600; }
  #app-root { padding: 16px 24px; max-width: 960px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e4e7eb; }
  .user-data { position: relative; display: inline-block; margin-bottom: 12px; }
  [role="menu"] { position: absolute; z-index: 10; list-style: none; margin: 4px 0 0; padding: 4px 0;
    background: #fff; border: 1px solid #cbd2d9; border-radius: 4px; min-width: 240px; }
  [role="menu"] button { display: block; width: 100%; text-align: left; padding: 6px 12px;
    border: 0; background: none; font: inherit; cursor: pointer; }
  [role="menu"] button:hover { background: #f0f4f8; }
  dt { font-weight: 600; }
  dd { margin: 0 0 8px; }
  footer { margin-top: 32px; color: #52606d; }
</style>
</head>
<body>
<header class="topbar">Braze <small>(Audience Relay sandbox)</small></header>
<main id="app-root"></main>
<script defer src="/assets/dashboard.js"></script>
</body>
</html>
`;

/** The HTML shell for every dashboard route; the script renders the page from the URL. */
export function pageRoutes({ workspace }: { workspace: Workspace }) {
  const shell = () =>
    new Response(SHELL, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  return new Hono()
    .get('/', (c) => c.redirect(`/engagement/segmenter/segmenter/${workspace.id}`))
    .get('/engagement/segmenter/segmenter/:workspaceId', shell)
    .get('/engagement/segmenter/edit/:segmentId/:workspaceId', shell)
    .get(
      '/assets/dashboard.js',
      () =>
        new Response(SCRIPT, {
          headers: {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'no-store',
          },
        }),
    );
}
