import { Hono } from 'hono';
import { requireAdsRead } from '../access.ts';
import { authenticate, chargePlatformCall } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import { permissionRequired } from '../errors.ts';
import { type NodeView, renderNode, requestedFields } from '../fields.ts';
import { listNodes } from '../paging.ts';
import { adAccountView } from '../views/ad-account.ts';
import type { Business, Person } from '../world.ts';

const PERSON_VIEW: NodeView<Person> = {
  type: 'User',
  defaults: ['id', 'name'],
  fields: { id: (person) => person.id, name: (person) => person.name },
};

const BUSINESS_VIEW: NodeView<Business> = {
  type: 'Business',
  defaults: ['id', 'name'],
  fields: { id: (business) => business.id, name: (business) => business.name },
};

/** `/{v}/me`, `/me/adaccounts` and `/me/businesses` (reference §2). */
export function meRoutes() {
  return new Hono<GraphEnv>()
    .get('/', (c) => {
      const caller = authenticate(c);
      chargePlatformCall(c, caller.app);
      return c.json(renderNode(PERSON_VIEW, caller.person, requestedFields(c.var.params)));
    })
    .get('/adaccounts', (c) => {
      const world = c.var.world;
      const caller = authenticate(c);
      chargePlatformCall(c, caller.app);
      requireAdsRead(caller);
      const accounts = world.accountsOf(caller.person.id);
      return c.json(listNodes(adAccountView(world, caller), accounts, c.var.params, c.req.url));
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
      return c.json(listNodes(BUSINESS_VIEW, businesses, c.var.params, c.req.url));
    });
}
