// Recording a verdict: from the review page's form (then back to the page) or as JSON through the API.
import { type Request, type Response, Router } from 'express';
import type { ArticleReview } from '../../review/article-review.ts';
import { validateVerdict } from '../../review/verdict-input.ts';
import { ConflictError, NotFoundError, type Store, type StoredVerdict } from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { VerdictGroupCommit } from '../group-commit.ts';
import { loadReview } from './review.ts';

/** Validates and appends the verdict; the same client request id twice records it once. */
async function record(
  commits: VerdictGroupCommit,
  req: Request,
  res: Response,
): Promise<{ verdict: StoredVerdict; duplicate: boolean }> {
  const editId = String(req.params.editId);
  const checked = validateVerdict(req.body);
  if ('errors' in checked) {
    throw new HttpError(400, checked.errors.map((e) => e.message).join('; '), checked.errors);
  }
  const reviewerId = (res.locals as AuthLocals).reviewer?.id as number;
  try {
    return await commits.record({ editId, reviewerId, ...checked.verdict });
  } catch (error) {
    // The reviewer was just authenticated, so what the store did not find is the edit.
    if (error instanceof NotFoundError) throw new HttpError(404, `no edit "${editId}"`);
    if (error instanceof ConflictError) throw new HttpError(409, error.message);
    throw error;
  }
}

/** Routes that record verdicts. */
export function verdictRoutes(db: Store): Router {
  const router = Router();
  const commits = new VerdictGroupCommit(db);
  router.post('/api/edits/:editId/verdicts', async (req, res) => {
    const { verdict, duplicate } = await record(commits, req, res);
    res.status(duplicate ? 200 : 201).json({ verdict, duplicate });
  });
  router.post('/articles/:id/edits/:editId/verdicts', loadReview(db), async (req, res) => {
    const review = res.locals.review as ArticleReview;
    const current = review.edits.filter((e) => e.status === 'current');
    const at = current.findIndex((e) => e.id === req.params.editId);
    if (at === -1 && !review.edits.some((e) => e.id === req.params.editId)) {
      throw new HttpError(404, `no edit "${req.params.editId}" in article "${review.id}"`);
    }
    await record(commits, req, res);
    const next = current[at + 1] ?? current[at];
    res.redirect(
      303,
      `/articles/${encodeURIComponent(review.id)}${next ? `?edit=${encodeURIComponent(next.id)}` : ''}`,
    );
  });
  return router;
}
