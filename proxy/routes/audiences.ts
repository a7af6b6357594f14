import { Hono } from 'hono';
import {
  adsManagerUrl,
  lookalikeRequest,
  lookalikeResponse,
} from '../../shared/relay-api/exports.ts';
import { createLookalike } from '../facebook/audiences/create-audience.ts';
import type { FacebookServices } from '../facebook/facebook-services.ts';
import { ApiError } from '../http/api-error.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { ExportJobRepository } from '../store/export-jobs.ts';

export const audienceOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/audiences/{audienceId}/lookalikes',
    tag: 'audiences',
    access: 'session',
    summary: 'Create a lookalike of an exported audience',
    description:
      "The seed is an audience one of this workspace's exports created (others are `not_found`). Countries are ISO alpha-2 codes; the ratio 0.01-0.20 (1-20 %). Meta's refusals (seed too small or restricted, terms, limit) come back as catalog errors.",
    pathParams: { audienceId: "The Facebook audience id, as an export's report lists it." },
    requestBody: lookalikeRequest,
    responses: { 201: { description: 'Created.', body: lookalikeResponse } },
  },
];

export function audienceRoutes({
  facebook,
  jobs,
  jsonLimit,
}: {
  facebook: FacebookServices;
  jobs: ExportJobRepository;
  jsonLimit: number;
}) {
  return new Hono<RelayEnv>().post(
    '/audiences/:audienceId/lookalikes',
    jsonBody(lookalikeRequest, jsonLimit),
    async (c) => {
      const workspaceId = c.get('session').workspaceId;
      const seedId = c.req.param('audienceId');
      const found = await jobs.jobOfAudience(workspaceId, seedId);
      if (!found)
        throw new ApiError('not_found', `No exported audience ${seedId} in this workspace.`);
      const { countries, ratio, name } = c.req.valid('json');
      const lookalikeName =
        name ??
        `Lookalike (${countries.join(', ')}, ${Math.round(ratio * 100)}%) — ${found.audience.name}`;
      const id = await createLookalike(await facebook.graphs.for(workspaceId), {
        adAccountId: found.job.adAccountId,
        originAudienceId: seedId,
        name: lookalikeName,
        countries,
        ratio,
      });
      return c.json(
        {
          id,
          name: lookalikeName,
          originAudienceId: seedId,
          adsManagerUrl: adsManagerUrl(found.job.adAccountId, id),
        },
        201,
      );
    },
  );
}
