import {
  type ExportJobView,
  type ExportListResponse,
  exportJobView,
  exportListResponse,
  type LookalikeRequest,
  type LookalikeResponse,
  lookalikeResponse,
} from '../../shared/relay-api/exports.ts';
import { callRelay, type RelayClientSource } from '../relay/call-relay.ts';
import type { RelayResult } from '../relay/relay-failure.ts';

/** The workspace's exports as the relay keeps them: history, reports and lookalikes. */
export interface ExportReports {
  /** The newest `limit` exports, newest first (the relay lists at most 200). */
  list(limit: number): Promise<RelayResult<ExportListResponse>>;
  get(exportId: string): Promise<RelayResult<ExportJobView>>;
  /** A lookalike of an audience an export of this workspace created. */
  createLookalike(
    audienceId: string,
    request: LookalikeRequest,
  ): Promise<RelayResult<LookalikeResponse>>;
}

export function createExportReports(relay: RelayClientSource): ExportReports {
  return {
    list: (limit) => callRelay(relay, 'GET', `/v1/exports?limit=${limit}`, exportListResponse),
    get: (exportId) =>
      callRelay(relay, 'GET', `/v1/exports/${encodeURIComponent(exportId)}`, exportJobView),
    createLookalike: (audienceId, request) =>
      callRelay(
        relay,
        'POST',
        `/v1/audiences/${encodeURIComponent(audienceId)}/lookalikes`,
        lookalikeResponse,
        request,
      ),
  };
}
