// The article list: the page (with an unreviewed-only filter) and its JSON twin.
import { Router } from 'express';
import { listArticles, type Store } from '../../store/index.ts';

/** Routes of the article list. */
export function articleListRoutes(db: Store): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const unreviewedOnly = req.query.filter === 'unreviewed';
    const all = await listArticles(db);
    const articles = unreviewedOnly ? all.filter((a) => a.reviewed < a.edits) : all;
    res.render('articles', { articles, unreviewedOnly, total: all.length });
  });
  router.get('/api/articles', async (_req, res) => {
    res.json({ articles: await listArticles(db) });
  });
  return router;
}
