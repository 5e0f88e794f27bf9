// Articles in through the API: create (idempotent re-post), a new revision by PUT, and the history of revisions.
import { type Request, type Response, Router } from 'express';
import { type ArticleInput, parseArticleInput } from '../../corpus/article-input.ts';
import { type InputImport, importArticleInput } from '../../import-corpus.ts';
import {
  ConflictError,
  getArticle,
  type ImportResult,
  listTextRevisions,
  maxRevisionPage,
  type RevisionVia,
  type Store,
} from '../../store/index.ts';
import { type AuthLocals, requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';

/** The body as an article, or the HttpError naming every field at fault: 413 when a text is over the limit. */
export function articleInputOf(body: unknown, idFromPath?: string): ArticleInput {
  const parsed = parseArticleInput(body, idFromPath);
  if ('input' in parsed) return parsed.input;
  const { problems } = parsed;
  const status = problems.some((p) => p.tooLarge) ? 413 : 400;
  const first = problems[0] as { field: string; message: string };
  const fields = problems.map(({ field, message }) => ({ field, message }));
  throw new HttpError(status, `${first.field} ${first.message}`, fields);
}

/** Imports an input for a request; a taken id (POST) is 409. */
export async function importForRequest(
  db: Store,
  res: Response,
  input: ArticleInput,
  via: RevisionVia,
  replace = false,
): Promise<InputImport> {
  try {
    return await importArticleInput(db, input, { via, reviewerId: reviewerIdOf(res), replace });
  } catch (error) {
    if (error instanceof ConflictError) throw new HttpError(409, error.message, [{ field: 'id', message: 'taken' }]);
    throw error;
  }
}

function reviewerIdOf(res: Response): number | null {
  return (res.locals as AuthLocals).reviewer?.id ?? null;
}

/** What the API answers for an import: the article's id and address, what happened, and the revision. */
function importAnswer(id: string, result: ImportResult) {
  const { status, added, staled, revived, revision } = result;
  return {
    id,
    url: `/api/articles/${id}`,
    page: `/articles/${id}`,
    status,
    edits: { added, staled, revived },
    ...(revision !== undefined ? { revision } : {}),
  };
}

function readPage(req: Request): { limit: number; before?: number } {
  const { limit, before } = req.query as Record<string, unknown>;
  const number = (field: string, value: unknown, max: number) => {
    if (value === undefined) return undefined;
    const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= 1 && n <= max)) {
      throw new HttpError(400, `${field} must be a whole number from 1 to ${max}`, [
        { field, message: 'out of range' },
      ]);
    }
    return n;
  };
  const page: { limit: number; before?: number } = { limit: number('limit', limit, maxRevisionPage) ?? 20 };
  const beforeNumber = number('before', before, 2 ** 31 - 1);
  if (beforeNumber !== undefined) page.before = beforeNumber;
  return page;
}

/** Routes that bring articles in (admins and leads) and list an article's revisions (every reviewer). */
export function articlesInRoutes(db: Store): Router {
  const router = Router();
  const lead = requireRole('lead');
  router.post('/api/articles', lead, async (req, res) => {
    const { id, result } = await importForRequest(db, res, articleInputOf(req.body), 'api');
    const answer = importAnswer(id, result);
    res.status(result.status === 'new' ? 201 : 200);
    if (result.status === 'new') res.location(answer.url);
    res.json(answer);
  });
  router.put('/api/articles/:id', lead, async (req, res) => {
    const id = String(req.params.id);
    const input = articleInputOf(req.body, id);
    if (!(await getArticle(db, id))) throw new HttpError(404, `no article "${id}" (POST /api/articles creates one)`);
    const { result } = await importForRequest(db, res, input, 'api', true);
    res.json(importAnswer(id, result));
  });
  router.get('/api/articles/:id/revisions', async (req, res) => {
    const id = String(req.params.id);
    if (!(await getArticle(db, id))) throw new HttpError(404, `no article "${id}"`);
    const page = readPage(req);
    const revisions = await listTextRevisions(db, id, page);
    const last = revisions.at(-1);
    const more = revisions.length === page.limit && last !== undefined && last.number > 1;
    res.json({
      id,
      revisions,
      ...(more ? { next: `/api/articles/${id}/revisions?limit=${page.limit}&before=${last.number}` } : {}),
    });
  });
  return router;
}
