import type { Migration } from '../migrate.ts';
import { workspacesAndKeys } from './0001-workspaces-and-keys.ts';
import { encryptedSecrets } from './0002-encrypted-secrets.ts';
import { facebookConnections } from './0003-facebook-connections.ts';
import { exportJobs } from './0004-export-jobs.ts';
import { consentDefaults } from './0005-consent-defaults.ts';
import { syncs } from './0006-syncs.ts';

/** Every schema step in order. Append new ones; never edit or reorder a released one. */
export const MIGRATIONS: readonly Migration[] = [
  workspacesAndKeys,
  encryptedSecrets,
  facebookConnections,
  exportJobs,
  consentDefaults,
  syncs,
];
