import type { EntryText } from './types.ts';

const CONTACT_OPERATOR =
  'If it keeps happening, send the request id shown with the error to whoever runs your relay.';

/** Errors the relay itself raises about a request, whatever Facebook says. */
export const RELAY_ERRORS = {
  unauthenticated: {
    httpStatus: 401,
    title: 'Not signed in to the relay',
    explanation:
      'The request reached the relay without a valid session, so the relay cannot tell which workspace it belongs to. The extension signs in with the workspace key saved in its options.',
    steps: [
      "Open the extension's options and check the relay address and the workspace key.",
      'If the key is missing or wrong, ask a workspace admin for a new one.',
    ],
  },
  invalid_api_key: {
    httpStatus: 401,
    title: 'Workspace key not recognised',
    explanation:
      'The relay does not know this workspace key. It may be incomplete or mistyped, or it was made for a different relay.',
    steps: [
      'Paste the whole key again: it starts with ar_live_ and has no spaces.',
      'Check that the relay address in the options is the relay the key was made on.',
      'If it still fails, ask a workspace admin for a new key.',
    ],
  },
  api_key_revoked: {
    httpStatus: 401,
    title: 'Workspace key revoked',
    explanation:
      'A workspace admin revoked this key, so it no longer opens the workspace. Every session made with it stopped working at the same moment.',
    steps: [
      'Ask a workspace admin for a new key.',
      "Paste the new key in the extension's options.",
    ],
  },
  api_key_expired: {
    httpStatus: 401,
    title: 'Workspace key expired',
    explanation:
      'This workspace key was made to stop working after a set date, and that date has passed.',
    steps: [
      'Ask a workspace admin for a new key.',
      "Paste the new key in the extension's options.",
    ],
  },
  session_expired: {
    httpStatus: 401,
    title: 'Relay session expired',
    explanation:
      'Sessions with the relay last 15 minutes for safety. The extension renews them by itself from the workspace key; this error means it could not.',
    steps: [
      'Try again: the extension signs in afresh.',
      "If it keeps failing, check the workspace key in the extension's options.",
    ],
  },
  forbidden: {
    httpStatus: 403,
    title: 'Admin role needed',
    explanation:
      "This action changes the workspace's setup (its keys or its Facebook connection), which only workspace admins may do. Your key has the marketer role.",
    steps: ['Ask a workspace admin to do it, or to give you an admin key.'],
  },
  not_found: {
    httpStatus: 404,
    title: 'Not found',
    explanation:
      'The relay has no such item in your workspace. It may have been deleted, or it belongs to another workspace.',
    steps: [
      'Reload the page or list and try again.',
      'Check that the extension is signed in to the workspace you expect.',
    ],
  },
  validation_failed: {
    httpStatus: 400,
    title: 'Some values are not valid',
    explanation:
      'The request was refused because some values are missing or not in the expected form. The error lists each field and what is wrong with it.',
    steps: ['Correct the listed fields and try again.'],
  },
  malformed_json: {
    httpStatus: 400,
    title: 'Unreadable request',
    explanation:
      'The body of the request is not valid JSON. This is a fault in the program that sent it, not in anything you typed.',
    steps: ['Update the extension (or the program calling the relay).', CONTACT_OPERATOR],
  },
  unsupported_media_type: {
    httpStatus: 415,
    title: 'Unsupported request format',
    explanation:
      'This endpoint only accepts JSON (Content-Type: application/json). The request was sent in another format.',
    steps: ['Update the extension (or the program calling the relay).', CONTACT_OPERATOR],
  },
  payload_too_large: {
    httpStatus: 413,
    title: 'Request too large',
    explanation:
      "The request is bigger than this relay accepts for this kind of request. The relay's operator sets the limits (RELAY_JSON_BODY_LIMIT and RELAY_UPLOAD_BODY_LIMIT).",
    steps: [
      'Send less at once, for example a smaller file.',
      'If the data really needs to be this big, ask the relay operator to raise the limit.',
    ],
  },
  oauth_state_invalid: {
    httpStatus: 400,
    title: 'Facebook sign-in not recognised',
    explanation:
      'The answer from the Facebook sign-in window does not belong to a sign-in this workspace started. It may be incomplete, altered, or from a sign-in started in another workspace.',
    steps: ["Start again with Connect Facebook in the extension's options."],
  },
  oauth_state_expired: {
    httpStatus: 400,
    title: 'Facebook sign-in took too long',
    explanation:
      'A Facebook sign-in must be completed within 10 minutes of starting it, for safety. This one was started longer ago than that.',
    steps: [
      "Start again with Connect Facebook in the extension's options, and finish it in one go.",
    ],
  },
  oauth_state_used: {
    httpStatus: 409,
    title: 'Facebook sign-in already completed',
    explanation:
      'This Facebook sign-in has already been used once. Each sign-in can complete only one connection, so a repeated or replayed answer is refused.',
    steps: [
      "Check the Facebook status in the extension's options: the connection may already be in place.",
      'If it is not, start again with Connect Facebook.',
    ],
  },
  oauth_redirect_mismatch: {
    httpStatus: 400,
    title: 'Facebook sign-in returned to the wrong place',
    explanation:
      'The Facebook sign-in came back to a different address than the one it was started for, so the relay will not use it.',
    steps: [
      "Start again with Connect Facebook in the extension's options, from the same browser and extension.",
    ],
  },
  unreadable_file: {
    httpStatus: 422,
    title: 'File not readable as a user list',
    explanation:
      'The relay reads CSV files with a header line, and NDJSON files with one JSON object per line. This file cannot feed an export as a whole: its first line is not a readable header (too long, or a quote in it is never closed), or none of its columns is a field the relay knows (such as email, phone or idfa). Rows that are only partly wrong never stop an export: they are counted in its report.',
    steps: [
      'Check that the file is CSV or NDJSON, with the column names on its first line.',
      'If the columns have other names, map them to fields (email, phone, idfa…) before exporting.',
    ],
  },
  upload_not_found: {
    httpStatus: 404,
    title: 'Uploaded file not found',
    explanation:
      'The export names an uploaded file the relay does not hold for this workspace: it was never uploaded here, or its export already ended and the relay deleted it (uploads are kept only until their export is done).',
    steps: ['Upload the file again, then start the export with the new upload id.'],
  },
  export_not_resumable: {
    httpStatus: 409,
    title: 'This export cannot be resumed',
    explanation:
      'Only an export that stopped on something a person can fix (the Facebook token, the Custom Audience terms, access to the ad account, an audience restriction, or Facebook staying unavailable) can continue where it stopped. This one is still running, finished, was cancelled, or failed for good.',
    steps: ['Start a new export instead.'],
  },
  metrics_unauthorized: {
    httpStatus: 401,
    title: 'Metrics need the metrics token',
    explanation:
      "The relay's /metrics page shows operational counters to the relay's operator only: without RELAY_METRICS_TOKEN it answers requests made on the relay's own machine, and with it, requests that carry the token.",
    steps: [
      'Scrape /metrics with the header Authorization: Bearer <RELAY_METRICS_TOKEN>.',
      "Without a token, scrape it from the relay's own machine directly, not through a proxy.",
    ],
  },
  internal: {
    httpStatus: 500,
    title: 'Relay error',
    explanation:
      "The relay hit an unexpected problem while handling the request. The request id lets the relay's operator find the details in its logs.",
    steps: ['Try again in a moment.', CONTACT_OPERATOR],
  },
  unknown_error: {
    httpStatus: 500,
    title: 'Unexpected error',
    explanation:
      'The relay answered with an error this version of the extension does not know. The relay may be newer than the extension.',
    steps: ['Update the extension, then try again.', CONTACT_OPERATOR],
  },
} as const satisfies Record<string, EntryText>;

export type RelayErrorCode = keyof typeof RELAY_ERRORS;
