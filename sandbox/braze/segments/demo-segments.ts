import type { SegmentDefinition } from './segment.ts';

/**
 * The demo workspace's segments: sizes from 10 to 3,000,000 users, two segments sharing one
 * name (name resolution must cope with ambiguity), a name that is an HTML injection attempt
 * (pages must render it as text) and an archived segment (lists must leave it out).
 */
export const DEMO_SEGMENT_DEFINITIONS = [
  {
    key: 'vip',
    name: 'VIP customers',
    size: 10,
    description: 'Total revenue is more than 5000',
    textDescription: 'Our ten best customers, hand-picked by the CRM team.',
    tags: ['vip'],
    analyticsTrackingEnabled: true,
  },
  {
    key: 'newsletter',
    name: 'Newsletter subscribers',
    size: 1_234,
    description: 'Email subscription status is opted in',
    tags: ['email'],
  },
  {
    key: 'lapsed',
    name: 'Lapsed Users - 7 days',
    size: 50_000,
    description: 'Last used app is more than 6 days ago and last used app is less than 2 weeks ago',
    tags: ['retention'],
    analyticsTrackingEnabled: true,
  },
  {
    key: 'cart-web',
    name: "Added to cart but didn't purchase",
    size: 321,
    description: 'Performed custom event add_to_cart in the last 7 days and made 0 purchases',
    textDescription: 'Web shop visitors.',
    tags: ['web'],
  },
  {
    key: 'cart-app',
    name: "Added to cart but didn't purchase",
    size: 4_321,
    description: 'Performed custom event add_to_cart in the last 7 days and made 0 purchases',
    textDescription: 'Mobile app users.',
    tags: ['mobile'],
  },
  {
    key: 'hostile',
    name: '<img src=x onerror="window.__xss=1">',
    size: 42,
    description: 'Created by a test to prove names are rendered as text',
  },
  {
    key: 'mobile',
    name: 'All mobile users',
    size: 1_000_000,
    description: 'Has used any iOS or Android app',
    tags: ['mobile'],
  },
  {
    key: 'everyone',
    name: 'Everyone',
    size: 3_000_000,
    description: 'All users',
  },
  {
    key: 'archived',
    name: 'Spring sale 2024 (archived)',
    size: 777,
    description: 'Received campaign Spring sale 2024',
    archived: true,
  },
] as const satisfies readonly SegmentDefinition[];

export type DemoSegmentKey = (typeof DEMO_SEGMENT_DEFINITIONS)[number]['key'];
