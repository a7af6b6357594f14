import { describe, expect, it } from 'vitest';
import { readSegmentPage } from '../../../../extension/segment-page/read-segment-page.ts';
import { MAX_SEGMENT_NAME } from '../../../../extension/segment-page/segment.ts';
import { FIXTURE_SEGMENT, segmentPageDocument } from './segment-page-fixture.ts';

const { name, apiIdentifier, ...location } = FIXTURE_SEGMENT;

function setHeading(document: Document, text: string) {
  const heading = document.querySelector('h1');
  if (!heading) throw new Error('fixture has no h1');
  heading.textContent = text;
}

describe('readSegmentPage', () => {
  it('reads the name, ids and API identifier of a rendered segment page', () => {
    expect(readSegmentPage(location, segmentPageDocument())).toEqual(FIXTURE_SEGMENT);
  });

  it('leaves the API identifier out until the footer has rendered', () => {
    const document = segmentPageDocument();
    document.querySelector('footer')?.remove();
    const segment = readSegmentPage(location, document);
    expect(segment).toEqual({ ...location, name });
    expect(segment).not.toHaveProperty('apiIdentifier');
  });

  it('is null until the name is on the page', () => {
    const document = segmentPageDocument();
    document.querySelector('h1')?.remove();
    expect(readSegmentPage(location, document)).toBeNull();
    expect(readSegmentPage(location, new DOMParser().parseFromString('', 'text/html'))).toBeNull();
  });

  it('is null while the heading is still empty', () => {
    const document = segmentPageDocument();
    setHeading(document, '  \n ');
    expect(readSegmentPage(location, document)).toBeNull();
  });

  it('reads a hostile name as plain text, without creating any element', () => {
    const document = segmentPageDocument();
    const hostile = '<img src=x onerror="window.__xss=1"> & </h1><script>window.__xss=2</script>';
    setHeading(document, hostile);
    expect(readSegmentPage(location, document)?.name).toBe(hostile);
    expect(document.querySelector('img, main script')).toBeNull();
  });

  it('takes the first heading when a page has several', () => {
    const document = segmentPageDocument();
    const later = document.createElement('h1');
    later.textContent = 'Not the segment';
    document.body.append(later);
    expect(readSegmentPage(location, document)?.name).toBe(name);
  });

  it('cuts an absurdly long name without splitting a character', () => {
    const document = segmentPageDocument();
    setHeading(document, '😀'.repeat(MAX_SEGMENT_NAME + 10));
    const name = readSegmentPage(location, document)?.name ?? '';
    expect([...name]).toHaveLength(MAX_SEGMENT_NAME);
    expect(name).toBe('😀'.repeat(MAX_SEGMENT_NAME));
  });
});
