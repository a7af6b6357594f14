import { describe, expect, it } from 'vitest';
import {
  syncIdOfNotification,
  syncNotificationId,
} from '../../../../extension/syncs/sync-links.ts';
import { routeOf, searchOf } from '../../../../extension/syncs/syncs-route.ts';

describe('the Syncs page address', () => {
  it.each([
    ['', { kind: 'list' }],
    ['?new', { kind: 'new' }],
    ['?sync=sync_a%2Fb', { kind: 'sync', syncId: 'sync_a/b' }],
    ['?sync=', { kind: 'list' }],
  ] as const)('reads %j', (search, route) => {
    expect(routeOf(search)).toEqual(route);
    if (search !== '?sync=') expect(searchOf(route)).toBe(search);
  });

  it('finds the sync of its notification, and only of its own', () => {
    expect(syncIdOfNotification(syncNotificationId('sync_1'))).toBe('sync_1');
    expect(syncIdOfNotification('export:exp_1')).toBeNull();
  });
});
