// Group keys: identical corrections share one (a check's suggestions per check), written with every edit.
import { createHash } from 'node:crypto';
import type { Store } from './sql.ts';

/** What makes two edits "the same correction": a check's suggestion counts per check, any other edit by its texts. */
export interface GroupedEdit {
  origin: string;
  checkId?: string | null;
  mtText: string;
  correctedText: string;
}

/**
 * The group key of an edit: a short hash of what makes it the same correction, so that the index stays small
 * whatever the texts' length (PostgreSQL refuses a btree entry over about 2.7 kB) and a URL can name the group.
 */
export function groupKeyOf(edit: GroupedEdit): string {
  const check = edit.origin.startsWith('check:') ? (edit.checkId ?? edit.origin.slice('check:'.length)) : null;
  const identity = JSON.stringify([check, edit.mtText, edit.correctedText]);
  return createHash('sha256').update(identity, 'utf8').digest('base64url').slice(0, 22);
}

/** A well-formed group key (22 base64url characters), for checking input before any query. */
export const groupKeyPattern = /^[A-Za-z0-9_-]{22}$/;

/**
 * Fills in the group key of edits written before there was one (a database from before bulk review), a batch per
 * transaction. Cheap when there are none: the index on group_key finds the NULLs.
 */
export async function keepGroupKeys(store: Store): Promise<void> {
  for (;;) {
    const rows = await store.all<GroupedEdit & { id: string }>(
      `SELECT id, origin, check_id AS "checkId", mt_text AS "mtText", corrected_text AS "correctedText"
       FROM edits WHERE group_key IS NULL LIMIT 2000`,
    );
    if (rows.length === 0) return;
    await store.transaction(async (tx) => {
      for (const row of rows) {
        await tx.run('UPDATE edits SET group_key = :key WHERE id = :id', { key: groupKeyOf(row), id: row.id });
      }
    });
  }
}
