// Whose view of an article a request gets: a lead sees every verdict; a reviewer sees their own review (blind).
import type { Request, Response } from 'express';
import type { ArticleReview, ReviewMode } from '../review/article-review.ts';
import { hasRole } from '../review/roles.ts';
import { reviewerView } from '../review/viewer.ts';
import type { AuthLocals } from './auth.ts';
import { HttpError } from './errors.ts';

/** The review a request may see, and a key naming that view (for caches: equal keys see the same page). */
export interface ViewOf {
  review: ArticleReview;
  key: string;
  /** The reviewer whose review it is, or null for a lead's full view. */
  reviewer: string | null;
  lead: boolean;
}

/** Whose review a request asks for: null for a lead's full view, else a reviewer's name; 403 when not allowed. */
function readerOf(req: Request, res: Response): { reviewer: string | null; lead: boolean } {
  const me = (res.locals as AuthLocals).reviewer;
  const lead = hasRole(me, 'lead');
  const asked = typeof req.query.reviewer === 'string' && req.query.reviewer !== '' ? req.query.reviewer : undefined;
  if (asked !== undefined && !lead && asked !== me?.name) {
    throw new HttpError(403, "only a lead sees another reviewer's review", [
      { field: 'reviewer', message: 'not yours' },
    ]);
  }
  return { reviewer: asked ?? (lead ? null : (me?.name ?? '')), lead };
}

/**
 * The key of the view a request gets of an article in `mode`, without loading it (pages are cached by it): equal
 * keys see the same page. A lead's full view is one; in open review every reviewer sees everything, one more.
 */
export function viewKeyOf(req: Request, res: Response, mode: ReviewMode): string {
  const { reviewer } = readerOf(req, res);
  if (reviewer === null) return 'all';
  return mode === 'open' ? 'open' : `reviewer:${reviewer}`;
}

/**
 * The view a request gets of `review`. A lead (or admin) sees everything, or with `?reviewer=NAME` that reviewer's
 * own review; a reviewer sees their own (others' verdicts on an edit once they decided it, unless the article is in
 * open review), and asking for someone else's is a 403.
 */
export function viewOf(req: Request, res: Response, review: ArticleReview): ViewOf {
  const { reviewer, lead } = readerOf(req, res);
  const key = viewKeyOf(req, res, review.team?.mode ?? 'blind');
  if (reviewer === null) return { review, key, reviewer, lead };
  return { review: reviewerView(review, reviewer), key, reviewer, lead };
}
