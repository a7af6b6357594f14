/** What a workspace key may do: admins manage keys and connections, marketers export. */
export const ROLES = ['admin', 'marketer'] as const;
export type Role = (typeof ROLES)[number];
