import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { GraphEnv } from '../context.ts';
import type { Params } from '../params.ts';
import { type GraphApp, PERMISSIONS, type Person } from '../world.ts';

/** Dialog request after validation, or the reason to show an error page instead. */
type DialogRequest =
  | { ok: true; app: GraphApp; redirectUri: string; state?: string; scopes: string[] }
  | { ok: false; title: string; detail: string };

/**
 * `GET /{v}/dialog/oauth`: the login dialog. Like Meta, it validates the app and the exact
 * redirect URI first and shows an error page (never a redirect) when they are wrong; the
 * **Continue** / **Cancel** form posts back here and redirects with a code or an error.
 */
export function oauthDialogRoutes() {
  return new Hono<GraphEnv>()
    .get('/oauth', (c) => {
      const request = validate(c, c.var.params);
      if (!request.ok) return errorPage(c, request);
      const user = loggedInUser(c);
      return c.html(consentPage(c, request, user));
    })
    .post('/oauth', (c) => {
      const params = c.var.params;
      const request = validate(c, params);
      if (!request.ok) return errorPage(c, request);
      const target = new URL(request.redirectUri);
      const user = loggedInUser(c);
      if (params.decision === 'continue' && user) {
        const world = c.var.world;
        const code = `AQ${world.random.chars(220, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`;
        world.codes.set(code, {
          code,
          appId: request.app.id,
          userId: user.id,
          redirectUri: request.redirectUri,
          scopes: request.scopes,
          issuedAtMs: world.now().getTime(),
          used: false,
        });
        target.searchParams.append('code', code);
      } else {
        target.searchParams.append('error', 'access_denied');
        target.searchParams.append('error_code', '200');
        target.searchParams.append('error_description', 'Permissions error');
        target.searchParams.append('error_reason', 'user_denied');
      }
      if (request.state !== undefined) target.searchParams.append('state', request.state);
      // Meta appends this fragment to every login redirect.
      target.hash = '_=_';
      return c.redirect(target.toString(), 302);
    });
}

function validate(c: Context<GraphEnv>, params: Params): DialogRequest {
  const text = (name: string) => (typeof params[name] === 'string' ? String(params[name]) : '');
  const app = c.var.world.apps.get(text('client_id'));
  if (!app) {
    return {
      ok: false,
      title: 'Invalid App ID',
      detail: 'The provided app ID does not look like a valid app ID.',
    };
  }
  const redirectUri = text('redirect_uri');
  if (!app.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      title: 'URL Blocked',
      detail:
        "This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.",
    };
  }
  const responseType = text('response_type') || 'code';
  if (responseType !== 'code') {
    return {
      ok: false,
      title: 'Unsupported response_type',
      detail: 'This sandbox dialog only supports the code flow (response_type=code).',
    };
  }
  const scopes = text('scope')
    .split(/[\s,]+/)
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !(PERMISSIONS as readonly string[]).includes(scope));
  if (unknown.length) {
    return {
      ok: false,
      title: 'Invalid Scopes',
      detail: `Invalid Scopes: ${unknown.join(', ')}. This message is only shown to developers.`,
    };
  }
  return {
    ok: true,
    app,
    redirectUri,
    state: typeof params.state === 'string' ? params.state : undefined,
    scopes: [...new Set([...scopes, 'public_profile'])],
  };
}

function loggedInUser(c: Context<GraphEnv>): Person | undefined {
  const world = c.var.world;
  const person = world.dialogUserId ? world.people.get(world.dialogUserId) : undefined;
  return person?.type === 'USER' ? person : undefined;
}

function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<style>
body { font-family: system-ui, sans-serif; background: #f0f2f5; margin: 0; }
main { max-width: 420px; margin: 48px auto; background: #fff; border-radius: 8px; padding: 24px;
  box-shadow: 0 1px 4px rgba(0,0,0,.2); }
h1 { font-size: 20px; } ul { padding-left: 20px; } .actions { display: flex; gap: 8px; }
button { flex: 1; padding: 10px; border-radius: 6px; border: 0; font-size: 15px; cursor: pointer; }
button[value=continue] { background: #1877f2; color: #fff; } button[value=cancel] { background: #e4e6eb; }
</style></head>
<body><main>${body}</main></body></html>`;
}

function consentPage(
  c: Context<GraphEnv>,
  request: Extract<DialogRequest, { ok: true }>,
  user: Person | undefined,
) {
  const hidden = (name: string, value: string | undefined) =>
    value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`;
  const params = c.var.params;
  return page(
    `Log in with Facebook | ${request.app.name}`,
    html`<h1>${request.app.name}</h1>
<p class="who">${user ? html`Continue as <strong>${user.name}</strong>` : 'Nobody is logged in to this sandbox dialog.'}</p>
<p>${request.app.name} is requesting access to:</p>
<ul class="scopes">${request.scopes.map((scope) => html`<li>${scope}</li>`)}</ul>
<form method="post" action="${new URL(c.req.url).pathname}">
${hidden('client_id', request.app.id)}${hidden('redirect_uri', request.redirectUri)}
${hidden('state', request.state)}${hidden('scope', typeof params.scope === 'string' ? params.scope : undefined)}
${hidden('response_type', typeof params.response_type === 'string' ? params.response_type : undefined)}
<div class="actions">
<button type="submit" name="decision" value="cancel">Cancel</button>
${user ? html`<button type="submit" name="decision" value="continue">Continue</button>` : ''}
</div></form>`,
  );
}

function errorPage(c: Context<GraphEnv>, request: Extract<DialogRequest, { ok: false }>) {
  return c.html(
    page(request.title, html`<h1 class="error">${request.title}</h1><p>${request.detail}</p>`),
    400,
  );
}
