/** One line of a Braze export file (reference §1.7); a missing field means null or empty. */
export interface BrazeUser {
  created_at: string;
  external_id?: string;
  braze_id: string;
  user_aliases?: { alias_name: string; alias_label: string }[];
  random_bucket: number;
  first_name?: string;
  last_name?: string;
  email?: string;
  dob?: string;
  home_city?: string;
  country?: string;
  phone?: string;
  language?: string;
  time_zone?: string;
  /** `null` is Braze's `nil` (unknown). */
  gender?: 'M' | 'F' | 'O' | 'N' | 'P' | null;
  push_subscribe: Subscription;
  email_subscribe: Subscription;
  custom_attributes?: Record<string, string | number | boolean>;
  devices?: BrazeDevice[];
  push_tokens?: {
    app: string;
    platform: string;
    token: string;
    device_id: string;
    notifications_enabled: boolean;
  }[];
  apps?: {
    name: string;
    platform: string;
    version: string;
    sessions: number;
    first_used: string;
    last_used: string;
  }[];
  purchases?: ActivityCount[];
  custom_events?: ActivityCount[];
  total_revenue?: number;
  /** `[longitude, latitude]`. */
  last_coordinates?: [number, number];
  created_from?: string;
  attributed_campaign?: string;
  attributed_source?: string;
  attributed_adgroup?: string;
  attributed_ad?: string;
  uninstalled_at?: string;
}

export type Subscription = 'opted_in' | 'subscribed' | 'unsubscribed';

export interface BrazeDevice {
  model?: string;
  os?: string;
  carrier?: string | null;
  idfv?: string;
  idfa?: string;
  device_id: string;
  google_ad_id?: string;
  ad_tracking_enabled?: boolean;
}

export interface ActivityCount {
  name: string;
  first: string;
  last: string;
  count: number;
}

/** What iOS and Android report as the ad id when the user opted out of tracking. */
export const ZEROED_AD_ID = '00000000-0000-0000-0000-000000000000';
