import { describe, expect, it } from 'vitest';
import { errorCode } from '../support/test-relay.ts';
import { useExportRelay } from './export-harness.ts';

const start = useExportRelay();

describe('uploads', () => {
  it('states its size limit before anything is sent', async () => {
    const relay = await start({ env: { RELAY_UPLOAD_BODY_LIMIT: '2kb' } });
    const response = await relay.call('/v1/uploads/limits', { token: relay.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ maxBytes: 2048, formats: ['csv', 'ndjson'] });
  });

  it('previews an upload with the recognised columns, a mapping over them and malformed rows', async () => {
    const relay = await start();
    const uploadId = await relay.upload(
      ['Email,Portable,Notes', 'ann@example.com,0612345678,vip', 'bob@example.com,x,y,z'].join(
        '\n',
      ),
    );
    const recognised = await relay.call(`/v1/uploads/${uploadId}/preview`, {
      method: 'POST',
      token: relay.token,
      body: {},
    });
    expect(recognised.status).toBe(200);
    expect(await recognised.json()).toEqual({
      format: 'csv',
      columns: [
        { name: 'Email', field: 'email' },
        { name: 'Portable', field: 'phone' },
        { name: 'Notes', field: null },
      ],
      rowsRead: 2,
      malformed: 1,
      malformedSample: [{ line: 3, problem: 'too_many_fields' }],
      complete: true,
    });

    const mapped = await relay.call(`/v1/uploads/${uploadId}/preview`, {
      method: 'POST',
      token: relay.token,
      body: { mapping: { Portable: null, Notes: 'external_id' } },
    });
    expect((await mapped.json()).columns).toEqual([
      { name: 'Email', field: 'email' },
      { name: 'Portable', field: null },
      { name: 'Notes', field: 'external_id' },
    ]);
  });

  it('lists the columns of a file no column of which is known, and reads it once mapped', async () => {
    const relay = await start();
    const uploadId = await relay.upload('contact,notes\nann@example.com,vip\n');
    const unknown = await relay.call(`/v1/uploads/${uploadId}/preview`, {
      method: 'POST',
      token: relay.token,
      body: {},
    });
    expect(await unknown.json()).toMatchObject({
      columns: [
        { name: 'contact', field: null },
        { name: 'notes', field: null },
      ],
      rowsRead: 0,
    });
    const fixed = await relay.call(`/v1/uploads/${uploadId}/preview`, {
      method: 'POST',
      token: relay.token,
      body: { mapping: { contact: 'email' } },
    });
    expect(await fixed.json()).toMatchObject({
      columns: [{ name: 'contact', field: 'email' }, { name: 'notes' }],
      rowsRead: 1,
      complete: true,
    });
  });

  it('explains a file no export could read', async () => {
    const relay = await start();
    const uploadId = await relay.upload('"email,phone\nann@example.com\n');
    const refused = await relay.call(`/v1/uploads/${uploadId}/preview`, {
      method: 'POST',
      token: relay.token,
      body: {},
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({
      code: 'unreadable_file',
      reason: 'unterminated_header',
    });
  });

  it("never previews another workspace's upload, nor a made-up id", async () => {
    const relay = await start();
    const uploadId = await relay.upload('email\nann@example.com\n');
    const other = await relay.workspaceWithUsers('Globex');
    for (const [id, token] of [
      [uploadId, other.marketerToken],
      ['0123456789-missing', relay.token],
      ['..%2F..%2Fetc', relay.token],
    ] as const) {
      const response = await relay.call(`/v1/uploads/${id}/preview`, {
        method: 'POST',
        token,
        body: {},
      });
      expect(response.status, id).toBe(404);
      expect(await errorCode(response)).toBe('upload_not_found');
    }
  });
});
