import type { EntryText } from './types.ts';

const OPEN_SYNC = "Open the sync in the extension's Syncs view.";

/**
 * Errors about continuous syncs: editing and launching them (Braze's "Why is my Canvas not
 * allowed to launch?", braze-and-platforms.md §3.2) and feeding their ingest URL.
 */
export const SYNC_ERRORS = {
  sync_launch_refused: {
    httpStatus: 422,
    title: 'Sync not ready to launch',
    explanation:
      'The sync was not launched because something in its settings or on Facebook is not right yet. The error lists every reason, each with the field to fix; nothing was created on Facebook.',
    steps: [OPEN_SYNC, 'Fix each listed reason, then launch again.'],
  },
  sync_ad_account_missing: {
    httpStatus: 422,
    title: 'Ad account not chosen',
    explanation:
      'A sync sends its users into an audience of one Facebook ad account, and this sync has none chosen yet.',
    steps: [OPEN_SYNC, 'Choose the ad account, then launch again.'],
  },
  sync_audience_missing: {
    httpStatus: 422,
    title: 'Audience not chosen',
    explanation:
      'A sync needs either the name of a new audience (created on Facebook when the sync launches) or an existing audience of the ad account, and this sync has neither.',
    steps: [
      OPEN_SYNC,
      'Type a name for a new audience, or choose an existing one, then launch again.',
    ],
  },
  sync_fields_missing: {
    httpStatus: 422,
    title: 'No fields to match',
    explanation:
      'A sync matches people on the fields chosen for it (email, phone number, advertiser ID…), and this sync has none chosen. Facebook matches on any one of them, so more fields find more people.',
    steps: [OPEN_SYNC, 'Choose at least one field, then launch again.'],
  },
  sync_not_editable: {
    httpStatus: 409,
    title: 'This setting cannot change after launch',
    explanation:
      'Once a sync has launched, its ad account, audience, action (add or remove) and fields stay as they are: the users already waiting were prepared for them. Only the name, the consent filters and the default country can still change.',
    steps: [
      'To send to another audience or match on other fields, create a new sync and point your journey at its ingest URL.',
      'Pause or delete the old sync once the new one runs.',
    ],
  },
  sync_not_active: {
    httpStatus: 409,
    title: 'Sync not running',
    explanation:
      'The sync only accepts users while it is active. It is still a draft, was paused, or stopped on an error, so the users in this request were not taken.',
    steps: [
      OPEN_SYNC,
      'Launch it, resume it, or fix the error it shows; then send the users again.',
    ],
  },
  ingest_unauthorized: {
    httpStatus: 401,
    title: 'Ingest secret not accepted',
    explanation:
      "The request to the sync's ingest URL did not carry that sync's current secret. Each sync has its own secret, and rotating it stops the old one at once.",
    steps: [
      "Copy the ingest URL and secret again from the sync in the extension's Syncs view.",
      'In the Canvas webhook (or your program), send the header Authorization: Bearer <secret> and post to that exact URL.',
    ],
  },
} as const satisfies Record<string, EntryText>;

export type SyncErrorCode = keyof typeof SYNC_ERRORS;
