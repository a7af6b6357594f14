import { z } from 'zod';
import { en } from '../i18n/en.ts';
import type { ExtraDashboardHost } from './extra-dashboard-hosts.ts';

const text = en.options.dashboards.errors;

/** A dashboard address as typed: a bare host is https; anything after the host is dropped. */
export const extraDashboardHostSchema = z
  .string()
  .trim()
  .min(1, text.missing)
  .max(300, text.invalid)
  .transform((value) => (/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .transform((value, context) => {
    const url = URL.parse(value);
    if (!url || !/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) {
      context.addIssue({ code: 'custom', message: text.invalid });
      return z.NEVER;
    }
    return `${url.protocol}//${url.hostname}`;
  });

/** Checks what was typed into the dashboard form. */
export function checkExtraDashboardHost(
  input: string,
): { ok: true; host: ExtraDashboardHost } | { ok: false; error: string } {
  const parsed = extraDashboardHostSchema.safeParse(input);
  return parsed.success
    ? { ok: true, host: parsed.data }
    : { ok: false, error: parsed.error.issues[0]?.message ?? text.invalid };
}
