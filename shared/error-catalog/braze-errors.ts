import type { EntryText } from './types.ts';

const CHECK_KEY =
  'In Braze, open Settings > APIs and Identifiers > API Keys and check the key the relay uses.';

/**
 * Errors about the Braze REST source: its settings, the key, segments and segment exports.
 * A Braze key's permissions cannot be edited after it is created (braze-and-platforms.md
 * §1.2), so the fix for a missing permission is always a new key.
 */
export const BRAZE_ERRORS = {
  braze_not_configured: {
    httpStatus: 409,
    title: 'Braze is not connected',
    explanation:
      'This workspace has no Braze REST endpoint and API key yet, so the relay cannot list or export segments.',
    steps: [
      "In the extension's options, open Braze and enter the REST endpoint and a REST API key.",
    ],
  },
  braze_key_rejected: {
    httpStatus: 422,
    title: 'Braze rejected the REST API key',
    explanation:
      'Braze answered that it does not know this REST API key: it may be mistyped, deleted, made in another workspace, or meant for another Braze instance (REST endpoint).',
    steps: [
      CHECK_KEY,
      'Check that the REST endpoint matches your dashboard (dashboard-01.braze.com uses rest.iad-01.braze.com).',
      'Paste the key again, or create a new one and save it in the relay.',
    ],
  },
  braze_permission_missing: {
    httpStatus: 422,
    title: 'The Braze API key lacks a permission',
    explanation:
      'Braze refused the call because the REST API key does not hold the permission the call needs. The relay needs segments.list, segments.details and users.export.segment. Braze does not let you add permissions to an existing key.',
    steps: [
      'In Braze, create a new REST API key with the segments.list, segments.details and users.export.segment permissions.',
      "Save the new key in the extension's options.",
    ],
  },
  braze_unavailable: {
    httpStatus: 502,
    title: 'Braze is not answering',
    explanation:
      "Braze's REST endpoint kept failing (server errors, or no connection at all) after the relay retried several times with growing pauses. Nothing was lost: try again once Braze answers.",
    steps: [
      'Check the REST endpoint: it is the one of your Braze instance (dashboard-01.braze.com uses rest.iad-01.braze.com).',
      'Wait a few minutes, then try again.',
      'Check https://status.braze.com for incidents.',
    ],
  },
  braze_rate_limited: {
    httpStatus: 503,
    title: 'Braze rate limit reached',
    explanation:
      "The workspace used up Braze's hourly request allowance, shared with every other tool calling the same Braze workspace, and it does not reset soon enough for the relay to wait.",
    steps: ['Try again after the top of the hour, when Braze resets its limits.'],
  },
  braze_segment_not_found: {
    httpStatus: 404,
    title: 'Segment not found in Braze',
    explanation:
      "Braze's segment list has no segment with this API identifier or name. It may have been archived (archived segments cannot be exported), renamed, or belong to another Braze workspace than the relay's API key.",
    steps: [
      'Check that the segment is active in Braze and that the page belongs to the workspace connected to the relay.',
      'If it was renamed, reload the segment page and try again.',
    ],
  },
  braze_segment_ambiguous: {
    httpStatus: 409,
    title: 'Several segments have this name',
    explanation:
      'Braze does not require segment names to be unique, and more than one active segment has this name, so the relay cannot tell which one the page shows.',
    steps: ['Choose the segment from the list (by its tags and API identifier).'],
  },
  braze_export_busy: {
    httpStatus: 409,
    title: 'Braze is already exporting this segment',
    explanation:
      'Braze runs one export of a segment at a time (and 100 in all per company). The relay waited for the other export to finish, but it was still running.',
    steps: ['Wait for the other export of this segment to finish, then try again.'],
  },
  braze_export_timeout: {
    httpStatus: 504,
    title: 'The Braze export took too long',
    explanation:
      'Braze prepares a segment export before it can be downloaded; large segments can take an hour or more. The file was still not ready when the relay stopped waiting.',
    steps: [
      'Try again later, when Braze is less busy.',
      'For very large segments, ask the relay operator to allow a longer wait.',
    ],
  },
  braze_export_expired: {
    httpStatus: 502,
    title: 'The Braze export link expired',
    explanation:
      'A Braze export can be downloaded for a few hours only. The link had expired, and a new export requested in its place did not become available either.',
    steps: ['Start the export again.'],
  },
  braze_export_truncated: {
    httpStatus: 502,
    title: 'The Braze export file was cut short',
    explanation:
      'The export file from Braze ended before its end, even after the relay downloaded it again. The export stops rather than send an audience silently missing users.',
    steps: [
      'Start the export again.',
      'If it keeps happening, export fewer fields or a smaller segment.',
    ],
  },
  braze_export_to_cloud_storage: {
    httpStatus: 422,
    title: 'Braze sends exports to your cloud storage',
    explanation:
      'This Braze workspace has cloud storage (Amazon S3, Azure or Google Cloud Storage) connected for exports, so Braze writes the files there and gives the relay no download link.',
    steps: [
      'Use a file export instead: download the segment from your bucket and upload it.',
      'Or ask a Braze admin whether the storage connection is still needed for exports.',
    ],
  },
  braze_export_unreadable: {
    httpStatus: 502,
    title: 'The Braze export file is not readable',
    explanation:
      'The file Braze sent is not a ZIP archive the relay can read, so no user in it can be trusted to be complete.',
    steps: [
      'Start the export again.',
      'If it keeps happening, send the request id to whoever runs your relay.',
    ],
  },
} as const satisfies Record<string, EntryText>;

export type BrazeErrorCode = keyof typeof BRAZE_ERRORS;
