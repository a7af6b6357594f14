/**
 * What people paste elsewhere to feed a sync: a curl command, and the body of a Braze
 * Canvas Webhook step (Liquid personalization tags producing Braze's user export object).
 */

/** A curl call POSTing one user, with the secret in the Authorization header. */
export function curlExample(ingestUrl: string, secret: string): string {
  const user = JSON.stringify({ external_id: 'user-1', email: 'jane@example.com' });
  return [
    `curl -X POST '${ingestUrl}' \\`,
    `  -H 'Authorization: Bearer ${secret}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${user}'`,
  ].join('\n');
}

/**
 * The webhook's request body in Braze: each user who reaches the step is sent. The same
 * template as the README's (which adds dates, devices and consent attributes).
 */
export const BRAZE_WEBHOOK_BODY = `{
  "external_id": "{{\${user_id} | json_escape}}",
  "email": "{{\${email_address} | json_escape}}",
  "phone": "{{\${phone_number} | json_escape}}",
  "first_name": "{{\${first_name} | json_escape}}",
  "last_name": "{{\${last_name} | json_escape}}",
  "country": "{{\${country} | json_escape}}"
}`;

/** The webhook's headers in Braze, one per line as its editor lists them. */
export function brazeWebhookHeaders(secret: string): string {
  return `Authorization: Bearer ${secret}\nContent-Type: application/json`;
}
