import { vi } from 'vitest';
import type { TrackedExports } from '../../../../extension/exports/tracked-exports-storage.ts';
import type { MessageReplyOf } from '../../../../extension/messaging/runtime-messages.ts';
import type { TrackedExportsSource } from '../../../../extension/popup/exports/use-tracked-exports.ts';
import type { RelayResult } from '../../../../extension/relay/relay-failure.ts';
import type { ExportJobView, LookalikeRequest } from '../../../../shared/relay-api/exports.ts';
import type { FacebookStatusResponse } from '../../../../shared/relay-api/facebook.ts';

export const NOT_CONNECTED: FacebookStatusResponse = {
  mode: 'sandbox',
  connected: false,
  tokenInUse: null,
  user: null,
  systemUser: null,
  adAccounts: [],
  checkError: null,
};

/** The relay's answer for an export that is not the workspace's. */
export const NOT_FOUND = {
  ok: false,
  failure: {
    kind: 'rejected',
    status: 404,
    code: 'not_found',
    message: 'No export exp_x in this workspace.',
    requestId: 'req-7',
  },
} satisfies RelayResult<never>;

/** The popup's view of the background's exports: answers with what a test sets, recording calls. */
export function fakeBackgroundExports(facebook: FacebookStatusResponse = NOT_CONNECTED) {
  const reply = <T>(value: T) => ({ ok: true as const, value });
  return {
    facebookStatus: vi.fn(
      async (): Promise<MessageReplyOf<'facebook:status'>> => reply({ ok: true, value: facebook }),
    ),
    start: vi.fn(
      async (..._args: unknown[]): Promise<MessageReplyOf<'export:start'>> =>
        reply({ ok: true, value: { id: 'exp_1' } as ExportJobView }),
    ),
    cancel: vi.fn(
      async (_id: string): Promise<MessageReplyOf<'export:cancel'>> =>
        reply({ ok: true, value: { id: 'exp_1' } as ExportJobView }),
    ),
    list: vi.fn(
      async (_limit: number): Promise<MessageReplyOf<'exports:list'>> =>
        reply({ ok: true, value: { exports: [] } }),
    ),
    get: vi.fn(async (_id: string): Promise<MessageReplyOf<'export:get'>> => reply(NOT_FOUND)),
    follow: vi.fn(
      async (_id: string): Promise<MessageReplyOf<'export:follow'>> => reply(NOT_FOUND),
    ),
    resume: vi.fn(
      async (_id: string): Promise<MessageReplyOf<'export:resume'>> => reply(NOT_FOUND),
    ),
    createLookalike: vi.fn(
      async (
        _audienceId: string,
        _request: LookalikeRequest,
      ): Promise<MessageReplyOf<'audience:create-lookalike'>> => reply(NOT_FOUND),
    ),
  };
}

/** Tracked exports in memory; `set` replaces them and tells every watcher, as storage does. */
export function fakeTrackedExports(initial: TrackedExports = {}) {
  let jobs = initial;
  const watchers = new Set<(jobs: TrackedExports) => void>();
  const source: TrackedExportsSource & { set(next: TrackedExports): void } = {
    get: async () => jobs,
    watch(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    set(next) {
      jobs = next;
      for (const watcher of watchers) watcher(next);
    },
  };
  return source;
}
