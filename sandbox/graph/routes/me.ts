import { Hono } from 'hono';
import { requireAdsRead } from '../access.ts';
import { authenticate, chargePlatformCall } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import { permissionRequired } from '../errors.ts';
import { type FieldResolvers, renderFields, requestedFields } from '../fields.ts';
import { listBody, paginate } from '../paging.ts';
import { AD_ACCOUNT_DEFAULT_FIELDS, adAccountFields } from '../views/ad-account.ts';
import type { Business, Person } from '../world.ts';

const PERSON_FIELDS: FieldResolvers<Person> = {
  id: (person) => person.id,
  name: (person) => person.name,
};

const BUSINESS_FIELDS: FieldResolvers<Business> = {
  id: (business) => business.id,
  name: (business) => business.name,
};

/** `/{v}/me`, `/me/adaccounts` and `/me/businesses` (reference §2). */
export function meRoutes() {
  return new Hono<GraphEnv>()
    .get('/', (c) => {
      const caller = authenticate(c);
      chargePlatformCall(c, caller.app);
      const fields = requestedFields(c.var.params);
      return c.json(renderFields(caller.person, PERSON_FIELDS, fields, ['id', 'name'], 'User'));
    })
    .get('/adaccounts', (c) => {
      const world = c.var.world;
      const caller = authenticate(c);
      chargePlatformCall(c, caller.app);
      requireAdsRead(caller);
      const fields = requestedFields(c.var.params);
      const resolvers = adAccountFields(world, caller);
      const page = paginate(
        world.accountsOf(caller.person.id),
        (account) => account.id,
        c.var.params,
        c.req.url,
      );
      return c.json(
        listBody(page, (account) =>
          renderFields(account, resolvers, fields, AD_ACCOUNT_DEFAULT_FIELDS, 'AdAccount'),
        ),
      );
    })
    .get('/businesses', (c) => {
      const world = c.var.world;
      const caller = authenticate(c);
      chargePlatformCall(c, caller.app);
      if (!caller.token.scopes.includes('business_management')) {
        throw permissionRequired('business_management');
      }
      const ids = new Set(
        world
          .accountsOf(caller.person.id)
          .map((account) => account.businessId)
          .concat(caller.person.businessId),
      );
      const businesses = [...world.businesses.values()].filter((business) => ids.has(business.id));
      const fields = requestedFields(c.var.params);
      const page = paginate(businesses, (business) => business.id, c.var.params, c.req.url);
      return c.json(
        listBody(page, (business) =>
          renderFields(business, BUSINESS_FIELDS, fields, ['id', 'name'], 'Business'),
        ),
      );
    });
}
