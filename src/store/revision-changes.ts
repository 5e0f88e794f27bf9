// Article revisions read by change number (article_revisions.changed): every revision, or only those changed since.
import type { Sql } from './sql.ts';

/** An article's revision, its change number, and whether it is archived (left out of the current statistics). */
export interface RevisionRow {
  id: string;
  revision: number;
  changed: number;
  archived: boolean;
}

/** How many revision rows there are and the sum of their change numbers: any change moves the sum up. */
export interface RevisionSignature {
  count: number;
  sum: number;
}

interface Row {
  id: string | null;
  revision: number | string;
  changed: number | string;
  archived: number | string | null;
}

const columns = `v.article_id AS id, v.revision, v.changed,
  CASE WHEN a.archived_at IS NULL THEN 0 ELSE 1 END AS archived
  FROM article_revisions v JOIN articles a ON a.id = v.article_id`;

// PostgreSQL returns bigint and numeric as strings.
const revisionRow = (row: Row): RevisionRow => ({
  id: row.id as string,
  revision: Number(row.revision),
  changed: Number(row.changed),
  archived: Number(row.archived) === 1,
});

/** Every article's revision. */
export async function allRevisions(db: Sql): Promise<RevisionRow[]> {
  return (await db.all<Row>(`SELECT ${columns}`)).map(revisionRow);
}

/**
 * The revisions changed after change number `after` (through the index on `changed`), and the signature of all, read
 * in one statement so that both see the same moment: a reader that applied the rows to what it knew before, and
 * whose known signature then differs, missed a change (two writers at once on PostgreSQL) and reads every revision.
 */
export async function revisionsChangedAfter(
  db: Sql,
  after: number,
): Promise<{ rows: RevisionRow[]; signature: RevisionSignature }> {
  const all = await db.all<Row>(
    `SELECT ${columns} WHERE v.changed > :after
     UNION ALL
     SELECT NULL, count(*), coalesce(sum(changed), 0), NULL FROM article_revisions`,
    { after },
  );
  // The signature is the row without an article (UNION ALL promises no order).
  const last = all.find((row) => row.id === null) as Row;
  const rows = all.filter((row) => row.id !== null).map(revisionRow);
  return { rows, signature: { count: Number(last.revision), sum: Number(last.changed) } };
}
