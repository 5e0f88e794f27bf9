// A lead's part of an article's review: approve and reopen it, open or blind it, assign reviewers (forms and JSON).
import { type Request, type Response, Router } from 'express';
import type { ReviewMode } from '../../review/article-review.ts';
import {
  approveArticle,
  assignReviewer,
  ConflictError,
  findReviewerByName,
  NotFoundError,
  reopenArticle,
  type Store,
  setReviewMode,
  teamReviewOf,
  unassignReviewer,
} from '../../store/index.ts';
import { type AuthLocals, requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';

const modes: readonly ReviewMode[] = ['blind', 'open'];

function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function reviewerIdOf(db: Store, name: string | undefined): Promise<number> {
  if (name === undefined) throw new HttpError(400, 'give the reviewer', [{ field: 'reviewer', message: 'missing' }]);
  const reviewer = await findReviewerByName(db, name);
  if (!reviewer) throw new HttpError(404, `no reviewer "${name}"`, [{ field: 'reviewer', message: 'unknown' }]);
  return reviewer.id;
}

/** One handler for the form and its JSON twin: JSON answers the article's team review, the form goes back. */
function action(db: Store, work: (req: Request, articleId: string, leadId: number) => Promise<void>) {
  return async (req: Request, res: Response) => {
    const articleId = String(req.params.id);
    try {
      await work(req, articleId, (res.locals as AuthLocals).reviewer?.id as number);
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      if (error instanceof ConflictError) throw new HttpError(409, error.message);
      throw error;
    }
    if (req.path.startsWith('/api/')) res.json({ team: await teamReviewOf(db, articleId) });
    else res.redirect(303, `/articles/${encodeURIComponent(articleId)}`);
  };
}

/** Routes of a lead's actions on an article; 403 for anyone else. */
export function teamReviewRoutes(db: Store): Router {
  const router = Router();
  const paths = (suffix: string) => [`/articles/:id/${suffix}`, `/api/articles/:id/${suffix}`];
  router.use(
    ['approve', 'reopen', 'review-mode', 'assignments', 'assignments/remove'].flatMap(paths),
    requireRole('lead'),
  );
  router.post(
    paths('approve'),
    action(db, (req, id, lead) => approveArticle(db, id, lead, field(req, 'note'))),
  );
  router.post(
    paths('reopen'),
    action(db, (req, id, lead) => reopenArticle(db, id, lead, field(req, 'note'))),
  );
  router.post(
    paths('review-mode'),
    action(db, async (req, id, lead) => {
      const mode = field(req, 'mode') as ReviewMode;
      if (!modes.includes(mode)) {
        throw new HttpError(400, 'mode must be blind or open', [{ field: 'mode', message: 'blind or open' }]);
      }
      await setReviewMode(db, id, mode, lead);
    }),
  );
  router.post(
    paths('assignments'),
    action(db, async (req, id, lead) => assignReviewer(db, id, await reviewerIdOf(db, field(req, 'reviewer')), lead)),
  );
  router.post(
    paths('assignments/remove'),
    action(db, async (req, id, lead) => unassignReviewer(db, id, await reviewerIdOf(db, field(req, 'reviewer')), lead)),
  );
  return router;
}
