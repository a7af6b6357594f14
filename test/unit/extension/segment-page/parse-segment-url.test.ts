import { describe, expect, it } from 'vitest';
import { parseSegmentUrl } from '../../../../extension/segment-page/parse-segment-url.ts';

const SEGMENT = '64b7f1c2a9e3d4f5a6b7c8d9';
const WORKSPACE = '5f1e3c9a2b4d6e8f0a1b2c3d';
const PATH = `/engagement/segmenter/edit/${SEGMENT}/${WORKSPACE}`;

describe('parseSegmentUrl', () => {
  it.each([
    'dashboard-01.braze.com',
    'dashboard-08.braze.com',
    'dashboard-01.braze.eu',
    'dashboard-02.braze.eu',
    'dashboard.us-10.braze.com',
    'dashboard.au-01.braze.com',
    'dashboard.jp-01.braze.com',
  ])('reads the segment and workspace ids on %s', (host) => {
    expect(parseSegmentUrl(`https://${host}${PATH}`)).toEqual({
      host,
      segmentId: SEGMENT,
      workspaceId: WORKSPACE,
    });
  });

  it.each([`${PATH}?locale=en`, `${PATH}/`, `${PATH}#details`])(
    'ignores the query, a trailing slash and the hash: %s',
    (path) => {
      expect(parseSegmentUrl(`https://dashboard-03.braze.com${path}`)?.segmentId).toBe(SEGMENT);
    },
  );

  it('normalizes ids to lowercase', () => {
    const url = `https://dashboard-01.braze.com/engagement/segmenter/edit/${SEGMENT.toUpperCase()}/${WORKSPACE.toUpperCase()}`;
    expect(parseSegmentUrl(url)).toMatchObject({ segmentId: SEGMENT, workspaceId: WORKSPACE });
  });

  it('accepts URL objects', () => {
    expect(parseSegmentUrl(new URL(`https://dashboard-01.braze.com${PATH}`))).not.toBeNull();
  });

  describe('the loopback sandbox', () => {
    it.each([
      ['http://127.0.0.1:43123', '127.0.0.1:43123'],
      ['http://localhost:5173', 'localhost:5173'],
      ['http://localhost', 'localhost'],
    ])('is a dashboard when allowed: %s', (origin, host) => {
      expect(parseSegmentUrl(`${origin}${PATH}`, { allowSandbox: true })).toEqual({
        host,
        segmentId: SEGMENT,
        workspaceId: WORKSPACE,
      });
    });

    it('is not a dashboard by default (production builds)', () => {
      expect(parseSegmentUrl(`http://127.0.0.1:43123${PATH}`)).toBeNull();
      expect(parseSegmentUrl(`http://localhost:5173${PATH}`)).toBeNull();
    });

    it('is loopback only', () => {
      expect(parseSegmentUrl(`http://192.168.1.10:8080${PATH}`, { allowSandbox: true })).toBeNull();
      expect(
        parseSegmentUrl(`http://localhost.evil.example${PATH}`, { allowSandbox: true }),
      ).toBeNull();
    });

    it('is only served over http', () => {
      expect(parseSegmentUrl(`https://127.0.0.1:43123${PATH}`, { allowSandbox: true })).toBeNull();
    });
  });

  it.each([
    ['plain http to Braze', `http://dashboard-01.braze.com${PATH}`],
    ['the marketing site', `https://www.braze.com${PATH}`],
    ['a REST host', `https://rest.iad-01.braze.com${PATH}`],
    ['a look-alike host', `https://dashboard-01.braze.com.evil.example${PATH}`],
    ['a look-alike subdomain', `https://dashboard-01.evil-braze.com${PATH}`],
    ['a one-digit instance', `https://dashboard-1.braze.com${PATH}`],
    ['another site', `https://evil.example${PATH}`],
  ])('rejects %s', (_, url) => {
    expect(parseSegmentUrl(url)).toBeNull();
  });

  it.each([
    ['the segments list', `/engagement/segmenter/segmenter/${WORKSPACE}`],
    ['a campaign', `/engagement/campaigns/${SEGMENT}/${WORKSPACE}`],
    ['a missing workspace id', `/engagement/segmenter/edit/${SEGMENT}`],
    ['a short id', `/engagement/segmenter/edit/${SEGMENT.slice(1)}/${WORKSPACE}`],
    ['a long id', `/engagement/segmenter/edit/${SEGMENT}0/${WORKSPACE}`],
    ['a non-hex id', `/engagement/segmenter/edit/${SEGMENT.replace('a', 'g')}/${WORKSPACE}`],
    ['a deeper path', `${PATH}/users`],
    ['a prefixed path', `/other${PATH}`],
  ])('rejects %s', (_, path) => {
    expect(parseSegmentUrl(`https://dashboard-01.braze.com${path}`)).toBeNull();
  });

  it('rejects text that is not a URL', () => {
    expect(parseSegmentUrl('not a url')).toBeNull();
    expect(parseSegmentUrl('')).toBeNull();
  });
});
