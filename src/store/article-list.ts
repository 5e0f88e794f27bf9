// The article list, a page at a time: filters, keyset paging in any of its orders, and what each row shows.
import type { ArticleStatus } from '../review/article-status.ts';
import {
  afterSql,
  decodeCursor,
  encodeCursor,
  type KeyValues,
  type ListOrdering,
  orderBySql,
  sortKeys,
} from './article-list-order.ts';
import { searchCondition } from './article-search.ts';
import type { SqlValue, Store } from './sql.ts';
import { inList } from './sql-lists.ts';

/** Which articles a page lists; absent filters keep every article. */
export interface ArticleFilters {
  publisher?: string;
  /** Inclusive YYYY-MM-DD bounds on the ordering's date. */
  from?: string;
  to?: string;
  /** true: with undecided edits; false: without any. */
  undecided?: boolean;
  /** 'no' (the default lists): not archived; 'only': the archived ones; 'all': both. */
  archived: 'no' | 'only' | 'all';
  status?: ArticleStatus;
  /** Articles this reviewer is assigned to. */
  assigneeId?: number;
  /** Articles with at least one disputed edit. */
  disputed?: boolean;
  /** Words that must all occur in the title or the text (see article-search.ts). */
  search?: string[];
}

/** A page request: who asks (their own progress and, with `mineFirst`, their articles first), what, from where. */
export interface ArticleListQuery extends ListOrdering {
  viewerId: number;
  filters: ArticleFilters;
  /** A cursor from the previous page's `next` (already checked with decodeListCursor). */
  after?: KeyValues;
  limit: number;
}

/** One row of the list. `reviewed` counts edits with an outcome other than undecided; `own` the viewer's decided. */
export interface ArticleListRow {
  id: string;
  title: string | null;
  publisher: string | null;
  published: string | null;
  importedAt: string;
  archivedAt: string | null;
  status: ArticleStatus;
  edits: number;
  reviewed: number;
  undecided: number;
  disputed: number;
  own: number;
  assignedToMe: boolean;
  assignees: string[];
  reviewers: string[];
}

/** A page: its rows, the cursor of the next page (null on the last), and how many articles pass the filters. */
export interface ArticleListPage {
  articles: ArticleListRow[];
  next: string | null;
  total: number;
}

/** The key values a cursor carries for this ordering, or undefined when it is not a cursor of it. */
export const decodeListCursor = decodeCursor;

/** The status as review/article-status.ts derives it, in SQL, for the filter. */
const statusSql = `CASE WHEN r.approved_at IS NOT NULL THEN 'approved'
  WHEN r.agreed + r.adjudicated = r.edits THEN 'reviewed'
  WHEN r.undecided = r.edits THEN 'new' ELSE 'in review' END`;

function whereOf(store: Store, query: ArticleListQuery): { sql: string; params: Record<string, SqlValue> } {
  const f = query.filters;
  const where: string[] = [];
  const params: Record<string, SqlValue> = {};
  if (f.archived === 'no') where.push('a.archived_at IS NULL');
  if (f.archived === 'only') where.push('a.archived_at IS NOT NULL');
  if (f.publisher !== undefined) where.push('a.publisher = :publisher');
  const day = query.date === 'imported' ? 'substr(a.imported_at, 1, 10)' : 'a.published';
  if (f.from !== undefined) where.push(`${day} >= :from`);
  if (f.to !== undefined) where.push(`${day} <= :to`);
  if (f.undecided !== undefined) where.push(f.undecided ? 'r.undecided > 0' : 'r.undecided = 0');
  if (f.disputed !== undefined) where.push(f.disputed ? 'r.disputed > 0' : 'r.disputed = 0');
  if (f.status !== undefined) where.push(`(${statusSql}) = :status`);
  if (f.assigneeId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM assignments x WHERE x.article_id = a.id AND x.reviewer_id = :assigneeId)');
  }
  if (f.search?.length) {
    const search = searchCondition(store.engine, f.search);
    where.push(search.sql);
    params.search = search.search;
  }
  Object.assign(params, { publisher: f.publisher, from: f.from, to: f.to, status: f.status, assigneeId: f.assigneeId });
  for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The tables a page reads: article_review only when its order or filters need the counts (a join of every row). */
function fromOf(query: ArticleListQuery): string {
  const f = query.filters;
  const counts = query.sort === 'progress' || [f.undecided, f.disputed, f.status].some((v) => v !== undefined);
  return counts ? 'articles a JOIN article_review r ON r.article_id = a.id' : 'articles a';
}

/**
 * One page of the list: the rows after `query.after` in the query's order, at most `limit`, and the cursor of the
 * next. Keyset paging: a deep page costs what the first does, and rows added or changed meanwhile neither repeat nor
 * skip rows that stayed where they were.
 */
export async function listArticlePage(store: Store, query: ArticleListQuery): Promise<ArticleListPage> {
  const keys = sortKeys(query);
  const { sql: where, params } = whereOf(store, query);
  const from = fromOf(query);
  const inner = `SELECT a.id, ${keys.map((key, i) => `${key.sql} AS k${i}`).join(', ')} FROM ${from} ${where}`;
  const cursorParams: Record<string, SqlValue> = {};
  query.after?.forEach((value, i) => {
    cursorParams[`c${i}`] = value;
  });
  const viewer: Record<string, SqlValue> = query.mineFirst ? { viewer: query.viewerId } : {};
  const keyed = await store.all<Record<string, string | number>>(
    `SELECT * FROM (${inner}) t ${query.after ? `WHERE ${afterSql(store.engine, keys)}` : ''}
     ORDER BY ${orderBySql(store.engine, keys)} LIMIT :limit`,
    { ...params, ...cursorParams, ...viewer, limit: query.limit + 1 },
  );
  const total = await store.get<{ n: number }>(`SELECT count(*) AS n FROM ${from} ${where}`, params);
  const shown = keyed.slice(0, query.limit);
  const last = shown.at(-1);
  const next =
    keyed.length > query.limit && last
      ? encodeCursor(
          query,
          keys.map((_, i) => last[`k${i}`] as string | number),
        )
      : null;
  return {
    articles: await rowsOf(
      store,
      query.viewerId,
      shown.map((row) => String(row.id)),
    ),
    next,
    total: total?.n ?? 0,
  };
}

/** The rows of these articles, in this order, with their assignees, reviewers and the viewer's own progress. */
async function rowsOf(store: Store, viewerId: number, ids: string[]): Promise<ArticleListRow[]> {
  if (ids.length === 0) return [];
  const { sql: idList, params: idParams } = inList('id', ids);
  const rows = await store.all<
    Omit<ArticleListRow, 'status' | 'own' | 'assignedToMe' | 'assignees' | 'reviewers'> & {
      status: ArticleStatus;
    }
  >(
    `SELECT a.id, a.title, a.publisher, a.published, a.imported_at AS "importedAt", a.archived_at AS "archivedAt",
       ${statusSql} AS status, r.edits, r.edits - r.undecided AS reviewed, r.undecided, r.disputed
     FROM articles a JOIN article_review r ON r.article_id = a.id WHERE a.id IN ${idList}`,
    idParams,
  );
  const assigned = await store.all<{ articleId: string; name: string; reviewerId: number }>(
    `SELECT x.article_id AS "articleId", v.name, v.id AS "reviewerId" FROM assignments x
     JOIN reviewers v ON v.id = x.reviewer_id WHERE x.article_id IN ${idList} ORDER BY v.name_key`,
    idParams,
  );
  const decided = await store.all<{ articleId: string; name: string; reviewerId: number; n: number }>(
    `SELECT cv.article_id AS "articleId", v.name, v.id AS "reviewerId", count(*) AS n
     FROM current_verdicts cv JOIN edits e ON e.id = cv.edit_id JOIN reviewers v ON v.id = cv.reviewer_id
     WHERE cv.article_id IN ${idList} AND e.status = 'current'
     GROUP BY cv.article_id, v.name, v.id, v.name_key ORDER BY v.name_key`,
    idParams,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const assignees = assigned.filter((a) => a.articleId === id);
    const deciders = decided.filter((d) => d.articleId === id);
    return [
      {
        ...row,
        own: deciders.find((d) => d.reviewerId === viewerId)?.n ?? 0,
        assignedToMe: assignees.some((a) => a.reviewerId === viewerId),
        assignees: assignees.map((a) => a.name),
        reviewers: deciders.map((d) => d.name),
      },
    ];
  });
}

/** Up to `limit` distinct publishers, by name, for the list's filter (an index on publisher keeps this cheap). */
export async function listPublishers(store: Store, limit: number): Promise<string[]> {
  const rows = await store.all<{ publisher: string }>(
    'SELECT DISTINCT publisher FROM articles WHERE publisher IS NOT NULL ORDER BY publisher LIMIT :limit',
    { limit },
  );
  return rows.map((row) => row.publisher);
}
