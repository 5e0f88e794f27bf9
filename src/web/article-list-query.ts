// The article list's query string read strictly: filters, order, page; a bad value is a 400 naming its field.
import { isCalendarDate } from '../corpus/article-json.ts';
import { type ArticleStatus, articleStatuses } from '../review/article-status.ts';
import { hasRole } from '../review/roles.ts';
import {
  type ArticleListQuery,
  decodeListCursor,
  findReviewerByName,
  type ListOrdering,
  type Reviewer,
  type Store,
  searchTerms,
} from '../store/index.ts';
import { HttpError } from './errors.ts';

/** Rows per page unless `limit` says otherwise, and the most `limit` may ask for. */
export const defaultPageSize = 50;
export const maxPageSize = 100;

/** The query parameters the list reads, in the order its links write them. */
export const listParams = [
  'q',
  'publisher',
  'from',
  'to',
  'undecided',
  'archived',
  'status',
  'assignee',
  'outcome',
  'sort',
  'date',
  'order',
  'limit',
] as const;
type ListParam = (typeof listParams)[number] | 'cursor';

const bad = (field: string, message: string) => new HttpError(400, `${field}: ${message}`, [{ field, message }]);

/** The parameter's one value; '' (an empty form field) counts as absent, a repeated parameter is refused. */
function one(query: Record<string, unknown>, field: ListParam): string | undefined {
  const value = query[field];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw bad(field, 'give it once, as text');
  return value;
}

function choice<T extends string>(
  query: Record<string, unknown>,
  field: ListParam,
  allowed: readonly T[],
): T | undefined {
  const value = one(query, field);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw bad(field, `one of ${allowed.join(', ')}`);
}

function day(query: Record<string, unknown>, field: 'from' | 'to'): string | undefined {
  const value = one(query, field);
  if (value !== undefined && !isCalendarDate(value)) throw bad(field, 'a date as YYYY-MM-DD');
  return value;
}

function text(query: Record<string, unknown>, field: 'q' | 'publisher', max: number): string | undefined {
  const value = one(query, field);
  if (value !== undefined && value.length > max) throw bad(field, `at most ${max} characters`);
  return value;
}

function limitOf(query: Record<string, unknown>): number {
  const value = one(query, 'limit');
  if (value === undefined) return defaultPageSize;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > maxPageSize) {
    throw bad('limit', `a whole number from 1 to ${maxPageSize}`);
  }
  return Number(value);
}

function statusOf(query: Record<string, unknown>): ArticleStatus | undefined {
  const value = one(query, 'status')?.replace('-', ' ');
  if (value === undefined || (articleStatuses as readonly string[]).includes(value)) {
    return value as ArticleStatus | undefined;
  }
  throw bad('status', `one of ${articleStatuses.join(', ')}`);
}

async function assigneeOf(db: Store, query: Record<string, unknown>, viewer: Reviewer): Promise<number | undefined> {
  const name = one(query, 'assignee');
  if (name === undefined) return undefined;
  if (name === 'me') return viewer.id;
  const reviewer = name.length <= 200 ? await findReviewerByName(db, name) : undefined;
  if (!reviewer) throw bad('assignee', `no reviewer "${name.slice(0, 200)}" (a name, or me)`);
  return reviewer.id;
}

function orderingOf(query: Record<string, unknown>, viewer: Reviewer): ListOrdering {
  const sort = choice(query, 'sort', ['date', 'progress'] as const) ?? 'date';
  return {
    sort,
    date: choice(query, 'date', ['published', 'imported'] as const) ?? 'published',
    // Newest first; by progress, the least advanced first: what is left to do.
    order: choice(query, 'order', ['asc', 'desc'] as const) ?? (sort === 'date' ? 'desc' : 'asc'),
    // A reviewer sees their own work first; a lead's list is everyone's.
    mineFirst: !hasRole(viewer, 'lead'),
  };
}

/** The page the query string asks for, for `viewer`; HttpError 400 naming the first bad field. */
export async function readListQuery(
  db: Store,
  query: Record<string, unknown>,
  viewer: Reviewer,
): Promise<ArticleListQuery> {
  const ordering = orderingOf(query, viewer);
  const from = day(query, 'from');
  const to = day(query, 'to');
  if (from && to && from > to) throw bad('to', 'on or after from');
  const search = text(query, 'q', 200);
  const terms = search === undefined ? undefined : searchTerms(search);
  if (terms?.length === 0) throw bad('q', 'give a word (letters or digits) to search for');
  const legacy = query.filter === 'unreviewed' ? '1' : undefined;
  const undecided = choice({ undecided: legacy, ...query }, 'undecided', ['0', '1'] as const);
  const archived = choice(query, 'archived', ['0', '1', 'all'] as const) ?? '0';
  const cursor = one(query, 'cursor');
  const after = cursor === undefined ? undefined : decodeListCursor(ordering, cursor);
  if (cursor !== undefined && !after) throw bad('cursor', 'not a cursor of this list and order: start again');
  return {
    ...ordering,
    viewerId: viewer.id,
    filters: {
      publisher: text(query, 'publisher', 500),
      from,
      to,
      undecided: undecided === undefined ? undefined : undecided === '1',
      archived: archived === '1' ? 'only' : archived === 'all' ? 'all' : 'no',
      status: statusOf(query),
      assigneeId: await assigneeOf(db, query, viewer),
      disputed: choice(query, 'outcome', ['disputed'] as const) ? true : undefined,
      search: terms,
    },
    after,
    limit: limitOf(query),
  };
}

/** The query string of the list with these parameters (no cursor unless given), for links and the next page. */
export function listQueryString(query: Record<string, unknown>, cursor?: string): string {
  const params = new URLSearchParams();
  for (const name of listParams) {
    // The old `filter=unreviewed` is written as what it means, so the next page keeps it.
    const value = name === 'undecided' && !query.undecided && query.filter === 'unreviewed' ? '1' : query[name];
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}
