import { Hono } from 'hono';
import { type Faults, takeDownloadFaults } from '../control/faults.ts';
import { exportedUsers } from '../users/exported-users.ts';
import { archiveStream } from './archive.ts';
import type { ExportJobs } from './jobs.ts';

export interface StorageDeps {
  seed: string;
  jobs: ExportJobs;
  faults: Faults;
  now: () => Date;
  usersPerFile: number;
  ttlHours: number;
}

/**
 * The download URLs, standing in for Braze's presigned S3 links: 403 with S3's XML until the
 * export is ready, the archive while it is, "Request has expired" after (reference §1.4).
 */
export function storageRoutes({ seed, jobs, faults, now, usersPerFile, ttlHours }: StorageDeps) {
  return new Hono().get('/segment-export/:file', (c) => {
    const prefix = c.req.param('file').replace(/\.(zip|gz)$/, '');
    const job = jobs.find(prefix);
    if (!job?.url.endsWith(`/${c.req.param('file')}`)) return s3Error('Access Denied');
    const state = jobs.state(job);
    if (state === 'expired') {
      return s3Error('Request has expired', {
        'X-Amz-Expires': String(ttlHours * 3600),
        Expires: new Date(job.expiresAt).toISOString(),
        ServerTime: now().toISOString(),
      });
    }
    if (state !== 'ready') return s3Error('Access Denied');
    const zip = job.outputFormat === 'zip';
    const headers = {
      'content-type': zip ? 'application/zip' : 'application/gzip',
      'content-disposition': `attachment; filename="${c.req.param('file')}"`,
      'last-modified': new Date(job.readyAt).toUTCString(),
    };
    // HEAD (used to poll for readiness) must not generate anything.
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    const body = archiveStream({
      users: exportedUsers(seed, job.segment, job.projection),
      prefix: job.prefix,
      format: job.outputFormat,
      usersPerFile,
      faults: takeDownloadFaults(faults),
    });
    return new Response(body, { headers });
  });
}

function s3Error(message: string, extra: Record<string, string> = {}): Response {
  const fields = Object.entries(extra)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('');
  const requestId = crypto.randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message>${fields}<RequestId>${requestId}</RequestId></Error>`;
  return new Response(xml, { status: 403, headers: { 'content-type': 'application/xml' } });
}
