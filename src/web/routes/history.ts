// The verdict history, paged newest first: of an article, of one edit (JSON), and one edit's history page.
import { type Request, Router } from 'express';
import {
  getArticle,
  getEdit,
  maxHistoryPage,
  type Store,
  type StoredVerdict,
  verdictHistory,
} from '../../store/index.ts';
import { HttpError } from '../errors.ts';

/** `?before=` and `?limit=` read strictly: positive integers (limit at most maxHistoryPage), else a 400. */
function pageOf(req: Request): { before?: number; limit: number } {
  const read = (field: 'before' | 'limit'): number | undefined => {
    const raw = req.query[field];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || !/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
      throw new HttpError(400, `${field} must be a positive integer`, [{ field, message: 'not a positive integer' }]);
    }
    return Number(raw);
  };
  const limit = read('limit') ?? 50;
  if (limit > maxHistoryPage) {
    throw new HttpError(400, `limit must be at most ${maxHistoryPage}`, [{ field: 'limit', message: 'too large' }]);
  }
  const before = read('before');
  return before === undefined ? { limit } : { before, limit };
}

/** The verdicts of one page, and the URL of the next (older) one when the page was full. */
function paged(path: string, page: { limit: number }, verdicts: StoredVerdict[]) {
  const last = verdicts.at(-1);
  const next = verdicts.length === page.limit && last ? `${path}?before=${last.id}&limit=${page.limit}` : null;
  return { verdicts, next };
}

/** Routes of the verdict history. */
export function historyRoutes(db: Store): Router {
  const router = Router();
  router.get('/api/articles/:id/verdicts', async (req, res) => {
    const id = String(req.params.id);
    if (!(await getArticle(db, id))) throw new HttpError(404, `no article "${id}"`);
    const page = pageOf(req);
    const verdicts = await verdictHistory(db, { articleId: id }, page);
    res.json(paged(`/api/articles/${encodeURIComponent(id)}/verdicts`, page, verdicts));
  });
  router.get('/api/edits/:editId/verdicts', async (req, res) => {
    const editId = String(req.params.editId);
    if (!(await getEdit(db, editId))) throw new HttpError(404, `no edit "${editId}"`);
    const page = pageOf(req);
    const verdicts = await verdictHistory(db, { editId }, page);
    res.json(paged(`/api/edits/${encodeURIComponent(editId)}/verdicts`, page, verdicts));
  });
  router.get('/articles/:id/edits/:editId/history', async (req, res) => {
    const id = String(req.params.id);
    const edit = await getEdit(db, String(req.params.editId));
    if (!edit || edit.articleId !== id) throw new HttpError(404, `no edit "${req.params.editId}" in article "${id}"`);
    const page = pageOf(req);
    const path = `/articles/${encodeURIComponent(id)}/edits/${encodeURIComponent(edit.id)}/history`;
    const { verdicts, next } = paged(path, page, await verdictHistory(db, { editId: edit.id }, page));
    res.render('history', { article: await getArticle(db, id), edit, verdicts, next });
  });
  return router;
}
