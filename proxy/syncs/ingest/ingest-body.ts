import { type IngestUser, ingestRequest } from '../../../shared/relay-api/syncs.ts';
import { validationError } from '../../http/json-body.ts';

const [oneUser, manyUsers] = ingestRequest.options;

/**
 * The users of an ingest body: one user object or an array of them. Checked against the
 * matching form only, so each problem is named at its path (`3.email: expected string`)
 * rather than as a union that failed as a whole.
 */
export function parseIngestBody(body: unknown): IngestUser[] {
  const parsed = Array.isArray(body) ? manyUsers.safeParse(body) : oneUser.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}
