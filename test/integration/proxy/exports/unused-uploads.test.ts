import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../../support/manual-clock.ts';
import { startTestRelay, stopTestRelays } from '../support/test-relay.ts';

afterEach(stopTestRelays);

const HOUR = 60 * 60 * 1000;

describe('uploads no export used', () => {
  it('are deleted at start-up once RELAY_UNUSED_UPLOAD_TTL has passed, younger ones kept', async () => {
    const clock = manualClock();
    const env = { RELAY_UNUSED_UPLOAD_TTL: '1h' };
    const first = await startTestRelay({ clock, env });
    const { workspace, marketerKey } = await first.workspaceWithUsers('Acme');
    const upload = async (relay: typeof first) => {
      const response = await relay.call('/v1/uploads', {
        method: 'POST',
        // Sessions last 15 minutes: a fresh one on this clock.
        token: await relay.sessionFor(marketerKey.apiKey),
        body: 'email\nann@example.com',
      });
      expect(response.status).toBe(201);
      const { uploadId } = (await response.json()) as { uploadId: string };
      return join(first.dataDir, 'spool', workspace.id, `${uploadId}.spool`);
    };
    const old = await upload(first);
    clock.advance(HOUR / 2);
    const young = await upload(first);
    await first.relay.close();

    clock.advance(HOUR / 2 + 1);
    await startTestRelay({ clock, env: { ...env, RELAY_DATA_DIR: first.dataDir } });
    await vi.waitFor(() => expect(existsSync(old)).toBe(false));
    expect(existsSync(young)).toBe(true);
  });
});
