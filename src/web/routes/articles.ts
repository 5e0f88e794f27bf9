// The article list: the page (filters, search, order, a page at a time) and its JSON twin, from the same query.
import { type Request, type Response, Router } from 'express';
import { articleStatuses } from '../../review/article-status.ts';
import { hasRole } from '../../review/roles.ts';
import { listArticlePage, listPublishers, listReviewers, type Reviewer, type Store } from '../../store/index.ts';
import { listQueryString, readListQuery } from '../article-list-query.ts';
import type { AuthLocals } from '../auth.ts';

// More publishers than this and the filter is a text field instead of a list to choose from.
const maxPublisherChoices = 100;

async function pageOf(db: Store, req: Request, res: Response) {
  const viewer = (res.locals as AuthLocals).reviewer as Reviewer;
  const query = req.query as Record<string, unknown>;
  const page = await listArticlePage(db, await readListQuery(db, query, viewer));
  const nextUrl = page.next ? `${req.path}${listQueryString(query, page.next)}` : null;
  return { viewer, query, page, nextUrl };
}

/** Routes of the article list. */
export function articleListRoutes(db: Store): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { viewer, query, page, nextUrl } = await pageOf(db, req, res);
    const publishers = await listPublishers(db, maxPublisherChoices + 1);
    const reviewers = (await listReviewers(db)).filter((r) => !r.disabledAt).map((r) => r.name);
    const values = Object.fromEntries(new URLSearchParams(listQueryString(query)));
    res.render('articles', {
      page,
      nextUrl,
      firstUrl: req.query.cursor ? `/${listQueryString(query)}` : null,
      values,
      ownProgress: !hasRole(viewer, 'lead'),
      publishers: publishers.length > maxPublisherChoices ? null : publishers,
      reviewers,
      statuses: articleStatuses,
    });
  });
  router.get('/api/articles', async (req, res) => {
    const { page, nextUrl } = await pageOf(db, req, res);
    res.json({ ...page, nextUrl });
  });
  return router;
}
