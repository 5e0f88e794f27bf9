// Recurring corrections: the current edits grouped by group key across the corpus, and one group's occurrences.
import type { Sql } from './sql.ts';

/** A group of identical corrections (or of one check's identical suggestions). */
export interface RecurringGroup {
  key: string;
  /** The check whose suggestion this is (origin check:<id>), or null for a post-edit or reviewer correction. */
  checkId: string | null;
  mtText: string;
  correctedText: string;
  /** A check's category and message for its suggestion (of one occurrence), when it has them. */
  suggestedCategory: string | null;
  suggestedMessage: string | null;
  occurrences: number;
  articles: number;
  /** Occurrences nobody has decided yet (their outcome is undecided). */
  undecided: number;
}

/** One page of groups, the most frequent first. */
export interface RecurringPage {
  groups: RecurringGroup[];
  /** How many groups there are in all (with at least `minOccurrences`). */
  total: number;
}

/** What listRecurring takes: paging, and how often a correction must occur to count as recurring. */
export interface RecurringQuery {
  limit: number;
  offset: number;
  minOccurrences: number;
}

/**
 * The groups of current edits that occur at least `minOccurrences` times, by count (then key). The counting reads
 * the index on (group_key, status, article_id) alone; texts and undecided counts are read for the page's groups only.
 */
export async function listRecurring(db: Sql, query: RecurringQuery): Promise<RecurringPage> {
  // The total comes with the page (a window over the groups), so the edits are grouped once, not twice.
  const counted = await db.all<{ key: string; occurrences: number; articles: number; total: number }>(
    `SELECT group_key AS "key", CAST(count(*) AS INTEGER) AS "occurrences",
       CAST(count(DISTINCT article_id) AS INTEGER) AS "articles", CAST(count(*) OVER () AS INTEGER) AS "total"
     FROM edits WHERE group_key IS NOT NULL AND status = 'current'
     GROUP BY group_key HAVING count(*) >= :min
     ORDER BY count(*) DESC, group_key LIMIT :limit OFFSET :offset`,
    { min: query.minOccurrences, limit: query.limit, offset: query.offset },
  );
  // A page past the end has no row to carry the total: count them apart then only.
  const total =
    counted[0]?.total ??
    (
      await db.get<{ n: number }>(
        `SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT group_key FROM edits
           WHERE group_key IS NOT NULL AND status = 'current' GROUP BY group_key HAVING count(*) >= :min) g`,
        { min: query.minOccurrences },
      )
    )?.n ??
    0;
  const groups: RecurringGroup[] = [];
  for (const { total: _, ...row } of counted) {
    const about = await describeGroup(db, row.key);
    if (about) groups.push({ ...about, ...row });
  }
  return { groups, total };
}

/** The group with this key (its texts and counts), or undefined when no current edit has it. */
export async function getRecurring(db: Sql, key: string): Promise<RecurringGroup | undefined> {
  const counts = await db.get<{ occurrences: number; articles: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS "occurrences", CAST(count(DISTINCT article_id) AS INTEGER) AS "articles"
     FROM edits WHERE group_key = :key AND status = 'current'`,
    { key },
  );
  if (!counts?.occurrences) return undefined;
  const about = await describeGroup(db, key);
  return about ? { ...about, ...counts, key } : undefined;
}

// What the group corrects (from one occurrence: they are identical there) and how many occurrences are undecided.
async function describeGroup(db: Sql, key: string) {
  const one = await db.get<Omit<RecurringGroup, 'key' | 'occurrences' | 'articles' | 'undecided'>>(
    `SELECT CASE WHEN origin LIKE 'check:%' THEN check_id END AS "checkId", mt_text AS "mtText",
       corrected_text AS "correctedText", suggested_category AS "suggestedCategory",
       suggested_message AS "suggestedMessage"
     FROM edits WHERE group_key = :key AND status = 'current' ORDER BY id LIMIT 1`,
    { key },
  );
  if (!one) return undefined;
  const undecided = await db.get<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM edits e LEFT JOIN edit_outcomes o ON o.edit_id = e.id
     WHERE e.group_key = :key AND e.status = 'current' AND (o.state IS NULL OR o.state = 'undecided')`,
    { key },
  );
  return { ...one, undecided: undecided?.n ?? 0 };
}

/** One occurrence of a group, in its article, with where the reader stands on it. */
export interface Occurrence {
  editId: string;
  articleId: string;
  title: string | null;
  paragraph: number;
  contextBefore: string;
  mtText: string;
  contextAfter: string;
  correctedText: string;
  /** The reader's own current decision on it, or null. */
  mine: string | null;
  /** Whether another reviewer (or a lead's final word) has decided it: a bulk action leaves it alone. */
  decidedByOthers: boolean;
  /** The article is approved (locked): it takes no verdicts. */
  locked: boolean;
}

/** A page of the group's current occurrences, in article order. */
export function listOccurrences(
  db: Sql,
  key: string,
  readerId: number,
  page: { limit: number; offset: number },
): Promise<Occurrence[]> {
  return db
    .all<Occurrence>(
      `SELECT e.id AS "editId", e.article_id AS "articleId", a.title, e.paragraph, e.context_before AS "contextBefore",
       e.mt_text AS "mtText", e.context_after AS "contextAfter", e.corrected_text AS "correctedText",
       (SELECT cv.decision FROM current_verdicts cv WHERE cv.edit_id = e.id AND cv.reviewer_id = :reader) AS "mine",
       CASE WHEN EXISTS (SELECT 1 FROM current_verdicts cv WHERE cv.edit_id = e.id AND cv.reviewer_id <> :reader)
         OR EXISTS (SELECT 1 FROM current_adjudications ca WHERE ca.edit_id = e.id) THEN 1 ELSE 0 END
         AS "decidedByOthers",
       CASE WHEN ar.approved_at IS NULL THEN 0 ELSE 1 END AS "locked"
     FROM edits e JOIN articles a ON a.id = e.article_id JOIN article_review ar ON ar.article_id = e.article_id
     WHERE e.group_key = :key AND e.status = 'current'
     ORDER BY e.article_id, e.mt_start, e.id LIMIT :limit OFFSET :offset`,
      { key, reader: readerId, limit: page.limit, offset: page.offset },
    )
    .then((rows) =>
      rows.map((r) => ({ ...r, decidedByOthers: Boolean(r.decidedByOthers), locked: Boolean(r.locked) })),
    );
}

// One line: a newline shown as ⏎ (a note or a table row stays one line), a long text clipped.
const clip = (text: string, max: number) => {
  const flat = text.replace(/\n/g, '⏎');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * A group's name in a bulk action's label and its verdicts' notes: `breadcrumb: "Home page politics" → (delete)`
 * (the check's id, not its name: the store reads no check), texts clipped so that a note stays short.
 */
export function groupLabel(group: Pick<RecurringGroup, 'checkId' | 'mtText' | 'correctedText'>): string {
  const from = group.mtText ? `"${clip(group.mtText, 60)}"` : '(insert)';
  const to = group.correctedText ? `"${clip(group.correctedText, 60)}"` : '(delete)';
  return `${group.checkId ? `${group.checkId}: ` : ''}${from} → ${to}`;
}
