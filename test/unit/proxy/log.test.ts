import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../../proxy/log.ts';

function capture(level: 'debug' | 'info' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(JSON.parse(line)),
    now: () => new Date(0),
  });
  return { lines, logger };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level and message', () => {
    const { lines, logger } = capture();
    logger.info('hello', { requestId: 'r1' });
    expect(lines).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', msg: 'hello', requestId: 'r1' },
    ]);
  });

  it('drops lines below the configured level', () => {
    const { lines, logger } = capture('info');
    logger.debug('noise');
    expect(lines).toHaveLength(0);
  });

  it('redacts tokens, secrets and personal data by field name, however deep', () => {
    const { lines, logger } = capture();
    logger.child({ workspace: 'w1' }).warn('graph call', {
      access_token: 'EAAsecretsecretsecret',
      nested: { appSecret: 's3cr3t', user: { email: 'a@b.co', phone: '+15551234567' } },
      list: [{ apiKey: 'k' }],
    });
    const line = JSON.stringify(lines[0]);
    for (const leaked of ['EAAsecret', 's3cr3t', 'a@b.co', '15551234567', '"k"'])
      expect(line).not.toContain(leaked);
    expect(lines[0]).toMatchObject({
      workspace: 'w1',
      access_token: REDACTED,
      nested: { appSecret: REDACTED },
    });
  });

  it('redacts credentials that hide inside free text', () => {
    const { lines, logger } = capture();
    logger.error('failed GET /me?access_token=EAAB1234567890abc&x=1 with Bearer abc.def');
    expect(lines[0]?.msg).toBe(`failed GET /me?${REDACTED}&x=1 with ${REDACTED}`);
  });

  it("redacts the relay's own workspace keys and session tokens wherever they appear", () => {
    const { lines, logger } = capture();
    const apiKey = 'ar_live_0123456789abcdef_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrIn0.c2lnbmF0dXJl';
    logger.warn(`session failed for ${apiKey}`, { detail: `token ${jwt} rejected` });
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('AbCdEfGh');
    expect(line).not.toContain('eyJzdWIi');
    expect(lines[0]).toMatchObject({
      msg: `session failed for ${REDACTED}`,
      detail: `token ${REDACTED} rejected`,
    });
  });
});
