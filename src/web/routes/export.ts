// Downloads of an article's export: the review page's buttons and the API route share one handler.
import { type Request, type Response, Router } from 'express';
import { runExport } from '../../export-article.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../errors.ts';

/** Routes of the exports. */
export function exportRoutes(db: Store): Router {
  const router = Router();
  const send = async (req: Request, res: Response) => {
    const result = await runExport(
      db,
      String(req.params.id),
      String(req.query.format ?? 'txt'),
      String(req.query.policy ?? 'keep-correction'),
      // ?final=1: the publishing text, only of an approved article.
      { approvedOnly: req.query.final === '1' },
    );
    if ('problem' in result) {
      if (result.problem === 'unknown-article') throw new HttpError(404, result.message);
      if (result.problem === 'unresolvable-article' || result.problem === 'not-approved') {
        throw new HttpError(409, result.message);
      }
      const field = result.problem === 'unknown-format' ? 'format' : 'policy';
      throw new HttpError(400, result.message, [{ field, message: result.message }]);
    }
    res.set('Content-Type', result.format.mediaType);
    res.set('X-Undecided-Edits', String(result.counts.undecided));
    res.set('X-Disputed-Edits', String(result.counts.disputed));
    res.attachment(result.fileName);
    res.send(result.body);
  };
  router.get('/api/articles/:id/export', send);
  router.get('/articles/:id/export', send);
  return router;
}
