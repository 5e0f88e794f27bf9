// Repairing an article whose edits cannot be applied together: one of them is set aside (turned stale, verdicts kept).
import { type Request, type Response, Router } from 'express';
import type { ArticleReview } from '../../review/article-review.ts';
import { reviewProblems } from '../../review/integrity.ts';
import { ConflictError, NotFoundError, type Store, setEditAside } from '../../store/index.ts';
import { HttpError } from '../errors.ts';
import { loadReview } from './review.ts';

/**
 * Sets the edit aside when the article cannot be resolved and the edit is one of those at fault (or one they
 * overlap): a repair, not a way around the review, so a resolvable article answers 409.
 */
async function setAside(db: Store, req: Request, res: Response): Promise<void> {
  const review = res.locals.review as ArticleReview;
  const editId = String(req.params.editId);
  const problems = reviewProblems(review);
  if (problems.length === 0) throw new HttpError(409, `article "${review.id}" has no edits in conflict to set aside`);
  const atFault = new Set(problems.flatMap((p) => (p.overlaps ? [p.editId, p.overlaps] : [p.editId])));
  if (!atFault.has(editId)) {
    throw new HttpError(409, `edit "${editId}" is not one of the edits in conflict`, [
      { field: 'editId', message: 'not in conflict' },
    ]);
  }
  try {
    await setEditAside(db, review.id, editId);
  } catch (error) {
    if (error instanceof NotFoundError) throw new HttpError(404, error.message);
    if (error instanceof ConflictError) throw new HttpError(409, error.message);
    throw error;
  }
}

/** Routes of the repair. */
export function repairRoutes(db: Store): Router {
  const router = Router();
  router.post('/api/articles/:id/edits/:editId/set-aside', loadReview(db), async (req, res) => {
    await setAside(db, req, res);
    res.json({ setAside: String(req.params.editId) });
  });
  router.post('/articles/:id/edits/:editId/set-aside', loadReview(db), async (req, res) => {
    await setAside(db, req, res);
    res.redirect(303, `/articles/${encodeURIComponent(String(req.params.id))}`);
  });
  return router;
}
