import type { SourceProblemCode } from '../../shared/export-report.ts';
import type { SourceUser } from './source-user.ts';

/**
 * What a source yields, in file order: a user, a row it could not read (counted, never
 * fatal), or a column that names no match field (once per column). Line numbers are 1-based
 * physical lines of the file, header included; a CSV record spanning lines has the line it
 * starts on.
 */
export type SourceItem =
  | { kind: 'user'; line: number; user: SourceUser }
  | { kind: 'problem'; line: number; problem: SourceProblemCode }
  | { kind: 'unmapped-column'; name: string };
