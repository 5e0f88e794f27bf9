// The recurring view: identical corrections across the corpus, most frequent first, and one group's occurrences.
import { type Request, type Response, Router } from 'express';
import { categories } from '../../review/taxonomy.ts';
import {
  getRecurring,
  groupKeyPattern,
  listOccurrences,
  listRecurring,
  type Occurrence,
  type Store,
} from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { offsetPageOf } from '../paging.ts';

/** How often a correction must occur to be listed. */
const minOccurrences = 2;

async function groupsOf(db: Store, req: Request) {
  const page = offsetPageOf(req, 50, 200);
  const { groups, total } = await listRecurring(db, { ...page, minOccurrences });
  const pages = Math.max(1, Math.ceil(total / page.limit));
  return { groups, total, page: page.page, pages, limit: page.limit };
}

async function groupOf(db: Store, req: Request, res: Response) {
  const key = String(req.params.key);
  if (!groupKeyPattern.test(key)) throw new HttpError(404, `no recurring correction "${key}"`);
  const group = await getRecurring(db, key);
  if (!group) throw new HttpError(404, `no recurring correction "${key}"`);
  const page = offsetPageOf(req, 500, 1000);
  const reader = (res.locals as AuthLocals).reviewer?.id as number;
  const occurrences = await listOccurrences(db, key, reader, page);
  const pages = Math.max(1, Math.ceil(group.occurrences / page.limit));
  return { group, occurrences, page: page.page, pages, limit: page.limit };
}

/** Whether a bulk action of the reader would take the occurrence (else it is shown, unchecked and disabled). */
export function takes(o: Occurrence): boolean {
  return !o.locked && !o.decidedByOthers && o.mine === null;
}

/** Routes of the recurring view. */
export function recurringRoutes(db: Store): Router {
  const router = Router();
  router.get('/recurring', async (req, res) => {
    res.render('recurring', await groupsOf(db, req));
  });
  router.get('/api/recurring', async (req, res) => {
    const { groups, total, page, pages, limit } = await groupsOf(db, req);
    const next = page < pages ? `/api/recurring?page=${page + 1}&limit=${limit}` : null;
    res.json({ groups, total, page, pages, next });
  });
  router.get('/recurring/:key', async (req, res) => {
    res.render('recurring-group', { ...(await groupOf(db, req, res)), takes, categories });
  });
  router.get('/api/recurring/:key', async (req, res) => {
    const { group, occurrences, page, pages, limit } = await groupOf(db, req, res);
    const path = `/api/recurring/${group.key}`;
    res.json({
      group,
      occurrences,
      page,
      pages,
      next: page < pages ? `${path}?page=${page + 1}&limit=${limit}` : null,
    });
  });
  return router;
}
