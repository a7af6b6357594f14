import { describe, expect, it } from 'vitest';
import {
  BRAZE_WEBHOOK_BODY,
  brazeWebhookHeaders,
  curlExample,
} from '../../../../../extension/syncs/page/ingest-examples.ts';
import { ingestRequest } from '../../../../../shared/relay-api/syncs.ts';

const URL = 'https://relay.example.com/v1/ingest/sync_1';

describe('the ingest examples', () => {
  it('curl posts a valid user to the URL with the secret as a Bearer token', () => {
    const curl = curlExample(URL, 'arsync_s3cret');
    expect(curl).toContain(`curl -X POST '${URL}'`);
    expect(curl).toContain("-H 'Authorization: Bearer arsync_s3cret'");
    const body = /-d '(.*)'$/.exec(curl)?.[1] ?? '';
    expect(ingestRequest.safeParse(JSON.parse(body)).success).toBe(true);
  });

  it('the Braze body is a user object once Liquid fills it in', () => {
    const filled = BRAZE_WEBHOOK_BODY.replace(/\{\{\$\{(\w+)\} \| json_escape\}\}/g, 'value-of-$1');
    const user = JSON.parse(filled);
    expect(user).toMatchObject({
      email: 'value-of-email_address',
      external_id: 'value-of-user_id',
    });
    expect(ingestRequest.safeParse(user).success).toBe(true);
  });

  it('the Braze headers carry the secret', () => {
    expect(brazeWebhookHeaders('arsync_x').split('\n')).toEqual([
      'Authorization: Bearer arsync_x',
      'Content-Type: application/json',
    ]);
  });
});
