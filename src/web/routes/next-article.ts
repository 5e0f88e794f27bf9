// The article to open next (the review page's "Article done" link): as JSON, or as a redirect to it.
import { type Request, type Response, Router } from 'express';
import { nextArticleFor, type Store } from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';

function afterOf(req: Request): string {
  const after = req.query.after ?? '';
  if (typeof after !== 'string' || after.length > 200) {
    throw new HttpError(400, 'after must be an article id', [{ field: 'after', message: 'not an article id' }]);
  }
  return after;
}

const next = (db: Store, req: Request, res: Response) =>
  nextArticleFor(db, (res.locals as AuthLocals).reviewer?.id as number, afterOf(req));

/** Routes to the next article. */
export function nextArticleRoutes(db: Store): Router {
  const router = Router();
  router.get('/api/next-article', async (req, res) => {
    const found = await next(db, req, res);
    res.json({ next: found ? { ...found, url: `/articles/${encodeURIComponent(found.articleId)}` } : null });
  });
  // Without JavaScript the notice's link goes here; with nothing left, to the list.
  router.get('/next-article', async (req, res) => {
    const found = await next(db, req, res);
    res.redirect(303, found ? `/articles/${encodeURIComponent(found.articleId)}` : '/?filter=unreviewed');
  });
  return router;
}
