// The per-reviewer statistics: the page /stats/reviewers and its JSON twin /api/stats/reviewers, paged by article.
import { type Request, Router } from 'express';
import { loadReviewerStats, maxArticlePage } from '../../stats/load-reviewer-stats.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../errors.ts';

/** The longest `after` taken: an article id is a slug, far shorter. */
const maxAfterLength = 300;

/** `?after=` (an article id) and `?limit=` (1 to maxArticlePage) read strictly, else a 400 naming the field. */
function pageOf(req: Request): { after?: string; limit?: number } {
  const { after, limit } = req.query;
  const page: { after?: string; limit?: number } = {};
  if (after !== undefined) {
    if (typeof after !== 'string' || after.length > maxAfterLength) {
      throw new HttpError(400, 'after must be one article id', [{ field: 'after', message: 'not an article id' }]);
    }
    page.after = after;
  }
  if (limit !== undefined) {
    if (typeof limit !== 'string' || !/^[1-9]\d{0,3}$/.test(limit) || Number(limit) > maxArticlePage) {
      throw new HttpError(400, `limit must be an integer from 1 to ${maxArticlePage}`, [
        { field: 'limit', message: `not an integer from 1 to ${maxArticlePage}` },
      ]);
    }
    page.limit = Number(limit);
  }
  return page;
}

/** A duration in seconds in words: "2 h 5 min", "3 min 20 s", "45 s"; an em dash for none. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Routes of the per-reviewer statistics. */
export function reviewerStatsRoutes(db: Store): Router {
  const router = Router();
  router.get('/api/stats/reviewers', async (req, res) => {
    const stats = await loadReviewerStats(db, pageOf(req));
    const { nextAfter, limit } = stats.page;
    const next =
      nextAfter === null ? null : `/api/stats/reviewers?after=${encodeURIComponent(nextAfter)}&limit=${limit}`;
    res.json({ ...stats, page: { ...stats.page, next } });
  });
  router.get('/stats/reviewers', async (req, res) => {
    const stats = await loadReviewerStats(db, pageOf(req));
    const { nextAfter, limit } = stats.page;
    const next = nextAfter === null ? null : `/stats/reviewers?after=${encodeURIComponent(nextAfter)}&limit=${limit}`;
    res.render('reviewer-stats', { stats, next, duration: formatDuration });
  });
  return router;
}
