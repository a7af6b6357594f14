import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AUDIENCES,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { type GraphCall, graphError, hashedEmails, sha256, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();
type Started = Awaited<ReturnType<typeof startGraph>>;

const EMAIL_A = sha256('mary@example.com');
const EMAIL_B = sha256('john_smith@gmail.com');
const MADID = 'aece52e7-03ee-455a-b3c4-e57283966239';

async function newAudience(started: Started, extra: Record<string, unknown> = {}) {
  const created = await started.graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, {
    method: 'POST',
    params: {
      name: 'Uploads',
      subtype: 'CUSTOM',
      customer_file_source: 'USER_PROVIDED_ONLY',
      ...extra,
    },
  });
  return created.body.id as string;
}

interface Batch {
  schema?: unknown;
  data: unknown[];
  isRaw?: boolean;
  sessionId?: number | string;
  seq?: number;
  last?: boolean;
  estimated?: number;
}

function batchParams(batch: Batch) {
  return {
    payload: {
      schema: batch.schema ?? 'EMAIL_SHA256',
      ...(batch.isRaw === undefined ? {} : { is_raw: batch.isRaw }),
      data: batch.data,
    },
    session: {
      session_id: batch.sessionId ?? 1001,
      batch_seq: batch.seq ?? 1,
      last_batch_flag: batch.last ?? false,
      ...(batch.estimated === undefined ? {} : { estimated_num_total: batch.estimated }),
    },
  };
}

function upload(started: Started, audience: string, batch: Batch, call: GraphCall = {}) {
  return started.graph(`${audience}/users`, {
    method: 'POST',
    encoding: 'json',
    params: batchParams(batch),
    ...call,
  });
}

async function rowsOf(started: Started, audience: string) {
  const rows = await started.control.audienceRows(audience);
  return rows.schemas.flatMap((listing) => listing.rows);
}

describe('adding members', () => {
  it('adds hashed rows and answers the documented shape (reference §4.5)', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const answer = await upload(started, audience, { data: [[EMAIL_A], [EMAIL_B]], estimated: 2 });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      audience_id: audience,
      session_id: '1001',
      num_received: 2,
      num_invalid_entries: 0,
      invalid_entry_samples: {},
    });
    expect(await started.control.audienceRows(audience)).toEqual({
      audienceId: audience,
      count: 2,
      retained: true,
      schemas: [{ schema: 'EMAIL_SHA256', rows: [[EMAIL_A], [EMAIL_B]] }],
    });
  });

  it('takes payload and session as JSON strings in a form body, and flat single-key rows', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const answer = await upload(
      started,
      audience,
      { data: [EMAIL_A, EMAIL_B] },
      { encoding: 'form' },
    );
    expect(answer.body.num_received).toBe(2);
    expect(await rowsOf(started, audience)).toEqual([[EMAIL_A], [EMAIL_B]]);
    const multipart = await upload(
      started,
      audience,
      { data: [EMAIL_A], sessionId: 2002 },
      { encoding: 'multipart' },
    );
    expect(multipart.status).toBe(200);
  });

  it('counts, samples and drops rows that are not lowercase SHA-256 hex', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const answer = await upload(started, audience, {
      data: [[EMAIL_A], ['mary@example.com'], [EMAIL_B.toUpperCase()], [''], [42]],
    });
    expect(answer.body).toMatchObject({ num_received: 5, num_invalid_entries: 4 });
    expect(answer.body.invalid_entry_samples).toEqual({
      'mary@example.com': expect.stringContaining('EMAIL_SHA256'),
      [EMAIL_B.toUpperCase()]: expect.stringContaining('lowercase hex'),
      '': expect.stringContaining('empty'),
      '42': expect.stringContaining('string'),
    });
    expect(await rowsOf(started, audience)).toEqual([[EMAIL_A]]);
  });

  it('keeps at most 100 invalid samples', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const data = Array.from({ length: 150 }, (_, i) => [`not-a-hash-${i}`]);
    const answer = await upload(started, audience, { data });
    expect(answer.body.num_invalid_entries).toBe(150);
    expect(Object.keys(answer.body.invalid_entry_samples)).toHaveLength(100);
  });

  it('takes multi-key rows with is_raw, blanks for unknown keys, plain MADID and EXTERN_ID', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const schema = ['EXTERN_ID', 'EMAIL', 'FN', 'MADID'];
    const answer = await upload(started, audience, {
      schema,
      isRaw: true,
      data: [
        ['crm-1', EMAIL_A, sha256('mary'), MADID],
        ['', EMAIL_B, '', ''],
        ['crm-3', '', '', sha256(MADID)],
        ['crm-4', '', '', MADID.toUpperCase()],
        ['crm-5', '', '', '00000000-0000-0000-0000-000000000000'],
        ['', '', '', ''],
        ['crm-7', 'john@example.com', '', ''],
      ],
    });
    expect(answer.body).toMatchObject({ num_received: 7, num_invalid_entries: 5 });
    expect(Object.values(answer.body.invalid_entry_samples)).toEqual([
      'MADID: must not be hashed',
      'MADID: must be a lowercase advertising id (UUID with hyphens)',
      'MADID: is the all-zero advertising id of a device that opted out',
      'the row has no identifying value',
      'EMAIL: must be a SHA-256 digest in lowercase hex',
    ]);
    expect((await started.control.audienceRows(audience)).schemas).toEqual([
      {
        schema,
        rows: [
          ['crm-1', EMAIL_A, sha256('mary'), MADID],
          ['', EMAIL_B, '', ''],
        ],
      },
    ]);
  });

  it('refuses a multi-key schema without is_raw:true, unknown keys and duplicates', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    for (const batch of [
      { schema: ['EMAIL', 'FN'], data: [[EMAIL_A, '']] },
      { schema: ['EMAIL', 'SSN'], isRaw: true, data: [[EMAIL_A, '']] },
      { schema: ['EMAIL', 'EMAIL'], isRaw: true, data: [[EMAIL_A, '']] },
      { schema: 'EMAIL_MD5', data: [[EMAIL_A]] },
      { schema: [], isRaw: true, data: [[EMAIL_A]] },
    ]) {
      expect(
        graphError(await upload(started, audience, batch)).code,
        JSON.stringify(batch.schema),
      ).toBe(100);
    }
  });

  it('refuses the whole request when a row is narrower or wider than the schema', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const answer = await upload(started, audience, {
      schema: ['EMAIL', 'FN'],
      isRaw: true,
      data: [[EMAIL_A, ''], [EMAIL_B]],
    });
    expect(graphError(answer)).toMatchObject({
      code: 100,
      message: '(#100) Data is missing or does not match schema',
    });
    expect((await started.control.audienceRows(audience)).count).toBe(0);
  });

  it('takes 10,000 rows in one request and refuses 10,001', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const full = await upload(started, audience, { data: hashedEmails(10_000) });
    expect(full.body).toMatchObject({ num_received: 10_000, num_invalid_entries: 0 });
    const over = await upload(started, audience, { data: hashedEmails(10_001), sessionId: 2 });
    expect(graphError(over).code).toBe(105);
    expect((await started.control.audienceRows(audience)).count).toBe(10_000);
  });

  it('refuses an empty data list and a missing payload', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    expect(graphError(await upload(started, audience, { data: [] })).code).toBe(100);
    const missing = await started.graph(`${audience}/users`, {
      method: 'POST',
      encoding: 'json',
      params: { session: { session_id: 1, batch_seq: 1 } },
    });
    expect(graphError(missing).message).toBe('(#100) The parameter payload is required');
  });

  it('locks the audience to its first kind of data source (2650, reference §4.5)', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    await upload(started, audience, {
      schema: ['EMAIL', 'FN'],
      isRaw: true,
      data: [[EMAIL_A, '']],
    });
    const single = await upload(started, audience, { data: [[EMAIL_B]], sessionId: 7 });
    expect(graphError(single)).toMatchObject({ code: 2650 });
    expect(graphError(single).message).toContain(
      'created from data source FILE_IMPORTED.MULTI_HASHES, which does not support data source FILE_IMPORTED.HASHES_OR_USER_IDS',
    );
    const read = await started.graph(audience, {
      params: { fields: 'data_source,operation_status' },
    });
    expect(read.body).toMatchObject({
      data_source: { type: 'FILE_IMPORTED', sub_type: 'MULTI_HASHES' },
      operation_status: { code: 200 },
    });
  });
});

describe('upload sessions', () => {
  it('counts num_received over the whole session', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const first = await upload(started, audience, { data: hashedEmails(3, 'a'), seq: 1 });
    const second = await upload(started, audience, {
      data: hashedEmails(2, 'b'),
      seq: 2,
      last: true,
    });
    expect(first.body.num_received).toBe(3);
    expect(second.body.num_received).toBe(5);
    const [session] = await started.control.audienceSessions(audience);
    expect(session).toMatchObject({
      sessionId: '1001',
      operation: 'add',
      batches: [1, 2],
      finished: true,
      numReceived: 5,
    });
    const sessions = await started.graph(`${audience}/sessions`, {
      params: { session_id: '1001' },
    });
    expect(sessions.body.data).toEqual([
      expect.objectContaining({ session_id: '1001', num_received: 5, stage: 'finished' }),
    ]);
  });

  it('needs a session, with a positive session_id and a batch_seq from 1', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const none = await started.graph(`${audience}/users`, {
      method: 'POST',
      encoding: 'json',
      params: { payload: { schema: 'EMAIL_SHA256', data: [[EMAIL_A]] } },
    });
    expect(graphError(none).message).toBe('(#100) The parameter session is required');
    for (const sessionId of [0, -5, 'abc', 1.5, '9223372036854775808']) {
      expect(
        graphError(await upload(started, audience, { data: [[EMAIL_A]], sessionId })).code,
      ).toBe(100);
    }
    expect(graphError(await upload(started, audience, { data: [[EMAIL_A]], seq: 0 })).code).toBe(
      100,
    );
    const late = await upload(started, audience, { data: [[EMAIL_A]], seq: 2 });
    expect(graphError(late)).toMatchObject({ code: 2650 });
    expect(graphError(late).message).toContain('batch_seq 1');
  });

  it('accepts 64-bit session ids as strings', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const answer = await upload(started, audience, {
      data: [[EMAIL_A]],
      sessionId: '9223372036854775807',
    });
    expect(answer.body.session_id).toBe('9223372036854775807');
  });

  it('needs batch_seq in order', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    await upload(started, audience, { data: [[EMAIL_A]], seq: 1 });
    const skipped = await upload(started, audience, { data: [[EMAIL_B]], seq: 3 });
    expect(graphError(skipped).message).toContain('expects batch_seq 2');
    expect((await upload(started, audience, { data: [[EMAIL_B]], seq: 2 })).status).toBe(200);
  });

  it('closes the session on last_batch_flag', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    await upload(started, audience, { data: [[EMAIL_A]], seq: 1, last: true });
    const after = await upload(started, audience, { data: [[EMAIL_B]], seq: 2 });
    expect(graphError(after)).toMatchObject({ code: 2650 });
    expect(graphError(after).message).toContain('has finished');
    expect(await rowsOf(started, audience)).toEqual([[EMAIL_A]]);
  });

  it('answers a re-sent identical batch as the first time, changing nothing', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const batch = { data: [[EMAIL_A], ['bad']], seq: 1 };
    const first = await upload(started, audience, batch);
    await upload(started, audience, { data: [[EMAIL_B]], seq: 2, last: true });
    const retry = await upload(started, audience, batch);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const [session] = await started.control.audienceSessions(audience);
    expect(session?.numReceived).toBe(3);
  });

  it('refuses a re-sent batch_seq with different data', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    await upload(started, audience, { data: [[EMAIL_A]], seq: 1 });
    const changed = await upload(started, audience, { data: [[EMAIL_B]], seq: 1 });
    expect(graphError(changed).message).toContain('already received with different data');
    expect(await rowsOf(started, audience)).toEqual([[EMAIL_A]]);
  });

  it('keeps session ids unique per ad account', async () => {
    const started = await startGraph();
    const one = await newAudience(started);
    const two = await newAudience(started, { name: 'Other' });
    await upload(started, one, { data: [[EMAIL_A]], sessionId: 77 });
    const clash = await upload(started, two, { data: [[EMAIL_A]], sessionId: 77 });
    expect(graphError(clash).message).toContain('already used');
    // Another account may use the same id.
    await started.control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    const elsewhere = await started.graph(`act_${DEMO_NO_TOS_AD_ACCOUNT_ID}/customaudiences`, {
      method: 'POST',
      params: { name: 'EU', subtype: 'CUSTOM', customer_file_source: 'USER_PROVIDED_ONLY' },
    });
    expect(
      (await upload(started, elsewhere.body.id, { data: [[EMAIL_A]], sessionId: 77 })).status,
    ).toBe(200);
  });
});

describe('removing members', () => {
  async function bigAudience(started: Started, size = 1000) {
    const audience = await newAudience(started);
    await upload(started, audience, { data: hashedEmails(size), sessionId: 1, last: true });
    return audience;
  }

  it('removes with DELETE and with POST method=DELETE', async () => {
    const started = await startGraph();
    const audience = await bigAudience(started, 1002);
    const [first, second] = hashedEmails(2);
    const removed = await started.graph(`${audience}/users`, {
      method: 'DELETE',
      encoding: 'json',
      params: batchParams({ data: [first], sessionId: 2, last: true }),
    });
    expect(removed.body).toMatchObject({ audience_id: audience, num_received: 1 });
    const viaPost = await upload(
      started,
      audience,
      { data: [second], sessionId: 3 },
      {
        params: { ...batchParams({ data: [second], sessionId: 3 }), method: 'DELETE' },
      },
    );
    expect(viaPost.status).toBe(200);
    const rows = await rowsOf(started, audience);
    expect(rows).toHaveLength(1000);
    expect(rows).not.toContainEqual(first);
    expect(rows).not.toContainEqual(second);
    const sessions = await started.control.audienceSessions(audience);
    expect(sessions.map((session) => session.operation)).toEqual(['add', 'remove', 'remove']);
  });

  it('refuses removal while the audience holds fewer than 1,000 people (200/1870047)', async () => {
    const started = await startGraph();
    const audience = await bigAudience(started, 999);
    const answer = await started.graph(`${audience}/users`, {
      method: 'DELETE',
      encoding: 'json',
      params: batchParams({ data: hashedEmails(1), sessionId: 2 }),
    });
    expect(graphError(answer)).toMatchObject({
      code: 200,
      error_subcode: 1870047,
      error_user_title: 'Audience Size too Low',
    });
    expect((await started.control.audienceRows(audience)).count).toBe(999);
  });

  it('does not let a removal session continue as an add session', async () => {
    const started = await startGraph();
    const audience = await bigAudience(started);
    await started.graph(`${audience}/users`, {
      method: 'DELETE',
      encoding: 'json',
      params: batchParams({ data: hashedEmails(1), sessionId: 5 }),
    });
    const add = await upload(started, audience, { data: [[EMAIL_A]], sessionId: 5, seq: 2 });
    expect(graphError(add).code).toBe(2650);
  });
});

describe('audiences that refuse uploads', () => {
  it('needs LOOKALIKE_VALUE for a value-based audience', async () => {
    const started = await startGraph();
    const plain = await upload(started, DEMO_AUDIENCES.valueBased, { data: [[EMAIL_A]] });
    expect(graphError(plain)).toMatchObject({
      code: 100,
      message: '(#100) Value-Based Custom Audience requires LOOKALIKE_VALUE attribute.',
    });
    const audience = await newAudience(started, { is_value_based: true });
    const valued = await upload(started, audience, {
      schema: ['EMAIL', 'LOOKALIKE_VALUE'],
      isRaw: true,
      data: [
        [EMAIL_A, 44.5],
        [EMAIL_B, 0],
        [sha256('x@example.com'), -1],
        [sha256('y@example.com'), '12'],
      ],
    });
    expect(valued.body).toMatchObject({ num_received: 4, num_invalid_entries: 2 });
    expect(await rowsOf(started, audience)).toEqual([
      [EMAIL_A, '44.5'],
      [EMAIL_B, '0'],
    ]);
  });

  it('refuses LOOKALIKE_VALUE on an audience that is not value-based', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    const answer = await upload(started, audience, {
      schema: ['EMAIL', 'LOOKALIKE_VALUE'],
      isRaw: true,
      data: [[EMAIL_A, 1]],
    });
    expect(graphError(answer).code).toBe(100);
  });

  it('blocks uploads to an integrity-flagged audience (100/1713230)', async () => {
    const started = await startGraph();
    const answer = await upload(started, DEMO_AUDIENCES.flagged, { data: [[EMAIL_A]] });
    expect(graphError(answer)).toMatchObject({
      code: 100,
      error_subcode: 1713230,
      error_user_title: 'Audience Upload Blocked',
    });
    const audience = await newAudience(started);
    await started.control.updateAudience(audience, { operationStatus: 471 });
    expect(graphError(await upload(started, audience, { data: [[EMAIL_A]] })).error_subcode).toBe(
      1713230,
    );
  });

  it('refuses uploads to a lookalike', async () => {
    const started = await startGraph();
    expect(
      graphError(await upload(started, DEMO_AUDIENCES.lookalike, { data: [[EMAIL_A]] })).code,
    ).toBe(100);
  });

  it('answers 100/33 for a deleted audience', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    await started.control.deleteAudience(audience);
    const error = graphError(await upload(started, audience, { data: [[EMAIL_A]] }));
    expect(error).toMatchObject({ code: 100, error_subcode: 33 });
    expect(error.message).toContain(
      `Unsupported post request. Object with ID '${audience}' does not exist`,
    );
  });

  it('checks terms, ads_management and the write task before touching members', async () => {
    const started = await startGraph();
    const audience = await newAudience(started);
    await started.control.updateAdAccount(DEMO_AD_ACCOUNT_ID, { tosAccepted: false });
    expect(graphError(await upload(started, audience, { data: [[EMAIL_A]] })).error_subcode).toBe(
      1870034,
    );
    await started.control.updateAdAccount(DEMO_AD_ACCOUNT_ID, {
      tosAccepted: true,
      tasks: { [DEMO_USER_ID]: ['ANALYZE'] },
    });
    expect(graphError(await upload(started, audience, { data: [[EMAIL_A]] })).message).toBe(
      `(#200) The current user can not update audience ${audience}`,
    );
    const reader = await started.control.issueToken({
      personId: DEMO_USER_ID,
      scopes: ['ads_read'],
    });
    const answer = await upload(started, audience, { data: [[EMAIL_A]] }, { token: reader.token });
    expect(graphError(answer).code).toBe(294);
    expect((await started.control.audienceRows(audience)).count).toBe(0);
  });
});
