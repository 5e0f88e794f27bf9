// Archiving an article and bringing it back (leads and admins; forms on the review page and JSON).
import { type Request, type Response, Router } from 'express';
import { archiveArticle, archiveStateOf, NotFoundError, type Store, unarchiveArticle } from '../../store/index.ts';
import { type AuthLocals, requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';

/** One handler for the form and its JSON twin: JSON answers the archive state, the form goes back to the article. */
function action(db: Store, archive: boolean) {
  return async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const leadId = (res.locals as AuthLocals).reviewer?.id as number;
    let changed: boolean;
    try {
      changed = archive ? await archiveArticle(db, id, leadId) : await unarchiveArticle(db, id);
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, `no article "${id}"`);
      throw error;
    }
    if (req.path.startsWith('/api/')) res.json({ id, changed, ...(await archiveStateOf(db, id)) });
    else res.redirect(303, `/articles/${encodeURIComponent(id)}`);
  };
}

/** Routes of archiving; 403 for reviewers. Archiving twice (or unarchiving an article that is not) changes nothing. */
export function archiveRoutes(db: Store): Router {
  const router = Router();
  const paths = (suffix: string) => [`/articles/:id/${suffix}`, `/api/articles/:id/${suffix}`];
  router.use([...paths('archive'), ...paths('unarchive')], requireRole('lead'));
  router.post(paths('archive'), action(db, true));
  router.post(paths('unarchive'), action(db, false));
  return router;
}
