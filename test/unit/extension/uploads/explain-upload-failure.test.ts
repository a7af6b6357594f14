import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { explainUploadFailure } from '../../../../extension/uploads/explain-upload-failure.ts';
import { describeError } from '../../../../shared/error-catalog.ts';

const URL = 'https://relay.example.com';

describe('explainUploadFailure', () => {
  it('explains what only the extension saw', () => {
    expect(explainUploadFailure({ kind: 'no-relay' }, URL)).toEqual(en.uploads.noRelay);
    const gone = explainUploadFailure({ kind: 'no-background', detail: 'No receiving end.' }, URL);
    expect(gone.title).toBe(en.problems.extensionNotAnswering.title);
    expect(gone.explanation).toContain('No receiving end.');
  });

  it('explains the relay’s refusals through the catalog, with the request id', () => {
    const refused = explainUploadFailure(
      {
        kind: 'validation',
        status: 413,
        code: 'upload_too_large',
        message: 'too large',
        requestId: 'req-7',
      },
      URL,
    );
    expect(refused).toMatchObject({
      title: describeError('upload_too_large').title,
      reference: 'req-7',
    });
  });
});
