import { describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { segmentSource } from '../../../../../extension/popup/exports/segment-source.ts';
import { FIXTURE_SEGMENT } from '../../segment-page/segment-page-fixture.ts';

const segment = { ...FIXTURE_SEGMENT, selectedAt: '2026-11-22T10:00:00.000Z' };

describe('segmentSource', () => {
  it('exports the segment by its API identifier, found again by page and workspace', () => {
    const source = segmentSource({ ...segment, apiIdentifier: 'api-1' });
    expect(source).toEqual({
      name: segment.name,
      key: `${segment.host}/${segment.workspaceId}/${segment.segmentId}`,
      request: { kind: 'braze', segmentId: 'api-1', segmentName: segment.name },
    });
  });

  it('cannot export a segment whose page has not shown its API identifier yet', () => {
    const { apiIdentifier: _, ...withoutId } = segment;
    expect(segmentSource(withoutId)).toMatchObject({
      request: null,
      unavailable: en.exports.noApiIdentifier,
    });
  });
});
