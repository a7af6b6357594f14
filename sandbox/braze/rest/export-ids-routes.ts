import { Hono } from 'hono';
import type { UserDirectory } from '../users/directory.ts';
import { IDS_EXPORT_FIELDS, projectUser } from '../users/export-fields.ts';
import type { BrazeUser } from '../users/user.ts';
import { type AuthEnv, requirePermission } from './auth.ts';
import { brazeError } from './errors.ts';
import { fieldsProblem, isStringArray, jsonObject } from './request-body.ts';

const MAX_IDS = 50;
const SINGLE_IDENTIFIERS = ['device_id', 'braze_id', 'email_address', 'phone'] as const;

interface Alias {
  alias_name: string;
  alias_label: string;
}

const isAlias = (value: unknown): value is Alias =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Alias).alias_name === 'string' &&
  typeof (value as Alias).alias_label === 'string';

/** `POST /users/export/ids` (reference §1.5): a few users by identifier, answered inline. */
export function exportIdsRoutes({ directory }: { directory: UserDirectory }) {
  return new Hono<AuthEnv>().post(
    '/users/export/ids',
    requirePermission('users.export.ids'),
    async (c) => {
      const body = await jsonObject(c);
      if (!body) return brazeError(c, 400, 'Bad Request: the body must be a JSON object');
      const { external_ids = [], user_aliases = [], fields_to_export } = body;
      if (!isStringArray(external_ids))
        return brazeError(c, 400, 'external_ids must be an array of strings');
      if (!Array.isArray(user_aliases) || !user_aliases.every(isAlias)) {
        return brazeError(c, 400, 'user_aliases must be an array of {alias_name, alias_label}');
      }
      if (external_ids.length + user_aliases.length > MAX_IDS) {
        return brazeError(
          c,
          400,
          'The max number of external_ids and aliases per request was exceeded',
        );
      }
      const singles = SINGLE_IDENTIFIERS.filter((name) => body[name] !== undefined);
      const listed = external_ids.length + user_aliases.length > 0;
      if (singles.length + (listed ? 1 : 0) !== 1) {
        return brazeError(
          c,
          400,
          'Give either external_ids and/or user_aliases, or exactly one of device_id, braze_id, email_address, phone',
        );
      }
      const single = singles[0];
      const value = single && body[single];
      if (single && typeof value !== 'string')
        return brazeError(c, 400, `${single} must be a string`);
      if (single === 'phone' && !/^\+[1-9]\d{6,14}$/.test(value as string)) {
        return brazeError(c, 400, 'phone must be in E.164 format, e.g. +14155550123');
      }
      const problem = fieldsProblem(fields_to_export, IDS_EXPORT_FIELDS);
      if (problem) return brazeError(c, 400, problem);

      const users: BrazeUser[] = [];
      const invalid: string[] = [];
      const add = (found: BrazeUser | BrazeUser[] | undefined, id?: string) => {
        const list = found === undefined ? [] : [found].flat();
        if (list.length === 0 && id !== undefined) invalid.push(id);
        for (const user of list) {
          if (!users.some((known) => known.braze_id === user.braze_id)) users.push(user);
        }
      };
      for (const id of external_ids) add(directory.byExternalId(id), id);
      for (const alias of user_aliases) add(directory.byAlias(alias));
      if (single === 'device_id') add(directory.byDeviceId(value as string));
      if (single === 'braze_id') add(directory.byBrazeId(value as string), value as string);
      if (single === 'email_address') add(directory.byEmail(value as string));
      if (single === 'phone') add(directory.byPhone(value as string));

      const projection = { fields_to_export: fields_to_export as string[] };
      return c.json({
        message: 'success',
        users: users.map((user) => projectUser(user, projection)),
        ...(invalid.length > 0 ? { invalid_user_ids: invalid } : {}),
      });
    },
  );
}
