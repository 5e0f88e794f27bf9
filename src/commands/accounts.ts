// What the account commands (reviewer, token, sign-in-link) share: finding a reviewer by name, printing a table.
import { isRole, type Role, roles } from '../review/roles.ts';
import { findReviewerByName, type Reviewer, type Store } from '../store/index.ts';
import { CommandError, UsageError } from './args.ts';

/** The reviewer called `name` in the database `file`; a CommandError naming both when there is none. */
export async function reviewerNamed(db: Store, file: string, name: string): Promise<Reviewer> {
  const reviewer = await findReviewerByName(db, name);
  if (!reviewer) throw new CommandError(`no reviewer "${name}" in ${file}: add one with "mt-review reviewer add NAME"`);
  return reviewer;
}

/** `value` as a role; a UsageError listing the roles otherwise. */
export function parseRole(value: string): Role {
  if (!isRole(value)) throw new UsageError(`unknown role "${value}": one of ${roles.join(', ')}`);
  return value;
}

/** An ISO time to the minute, for a table ("2025-03-30 14:05"); null as "-". */
export function minute(iso: string | null): string {
  return iso === null ? '-' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Rows as left-aligned columns under a header, one line each, ending in a newline. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
