// Whose view of an article a request gets: a lead sees every verdict; a reviewer sees their own review (blind).
import type { Request, Response } from 'express';
import type { ArticleReview } from '../review/article-review.ts';
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

/**
 * The view a request gets of `review`. A lead (or admin) sees everything, or with `?reviewer=NAME` that reviewer's
 * own review; a reviewer sees their own (others' verdicts on an edit once they decided it, unless the article is in
 * open review), and asking for someone else's is a 403.
 */
export function viewOf(req: Request, res: Response, review: ArticleReview): ViewOf {
  const me = (res.locals as AuthLocals).reviewer;
  const lead = hasRole(me, 'lead');
  const asked = typeof req.query.reviewer === 'string' && req.query.reviewer !== '' ? req.query.reviewer : undefined;
  if (asked !== undefined && !lead && asked !== me?.name) {
    throw new HttpError(403, "only a lead sees another reviewer's review", [
      { field: 'reviewer', message: 'not yours' },
    ]);
  }
  const reviewer = asked ?? (lead ? null : (me?.name ?? ''));
  if (reviewer === null) return { review, key: 'all', reviewer, lead };
  // In open review everyone sees everything: one page for all of them.
  const open = review.team?.mode === 'open';
  return { review: reviewerView(review, reviewer), key: open ? 'open' : `reviewer:${reviewer}`, reviewer, lead };
}
