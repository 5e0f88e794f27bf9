// Recording a verdict or a lead's adjudication, and undoing one: from the review page's forms (then back to the page)
// or as JSON through the API.
import { type Request, type Response, Router } from 'express';
import type { ArticleReview, VerdictKind } from '../../review/article-review.ts';
import { validateVerdict } from '../../review/verdict-input.ts';
import {
  ConflictError,
  NotFoundError,
  type Reviewer,
  retractVerdict,
  type Store,
  type StoredVerdict,
} from '../../store/index.ts';
import { type AuthLocals, requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { VerdictGroupCommit } from '../group-commit.ts';
import { loadReview } from './review.ts';

/** The store's refusals as HTTP: what it did not find is the edit (the reviewer was just authenticated). */
function asHttp(error: unknown, editId: string): unknown {
  if (error instanceof NotFoundError) {
    return new HttpError(404, error.message.startsWith('no edit') ? `no edit "${editId}"` : error.message);
  }
  if (error instanceof ConflictError) return new HttpError(409, error.message);
  return error;
}

/** Validates and appends the verdict or adjudication; the same client request id twice records it once. */
async function record(
  commits: VerdictGroupCommit,
  req: Request,
  res: Response,
  kind: VerdictKind,
): Promise<{ verdict: StoredVerdict; duplicate: boolean }> {
  const editId = String(req.params.editId);
  const checked = validateVerdict(req.body);
  if ('errors' in checked) {
    throw new HttpError(400, checked.errors.map((e) => e.message).join('; '), checked.errors);
  }
  const reviewer = (res.locals as AuthLocals).reviewer as Reviewer;
  try {
    // The request's fields first: who records it, and on what, are never taken from the body.
    return await commits.record({
      ...checked.verdict,
      editId,
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      kind,
    });
  } catch (error) {
    throw asHttp(error, editId);
  }
}

/** Takes back the requester's verdict (or, for a lead, adjudication) on the edit. */
async function retract(db: Store, req: Request, res: Response, kind: VerdictKind) {
  const editId = String(req.params.editId);
  try {
    return await retractVerdict(db, editId, (res.locals as AuthLocals).reviewer?.id as number, kind);
  } catch (error) {
    throw asHttp(error, editId);
  }
}

/** Where the form goes back to: the article, at the edit after this one (or this one when it is the last). */
function nextEditUrl(review: ArticleReview, editId: string, advance: boolean): string {
  const current = review.edits.filter((e) => e.status === 'current');
  const at = current.findIndex((e) => e.id === editId);
  if (at === -1 && !review.edits.some((e) => e.id === editId)) {
    throw new HttpError(404, `no edit "${editId}" in article "${review.id}"`);
  }
  const next = (advance ? current[at + 1] : undefined) ?? current[at];
  return `/articles/${encodeURIComponent(review.id)}${next ? `?edit=${encodeURIComponent(next.id)}` : ''}`;
}

/** Routes that record verdicts and adjudications, and retract them. */
export function verdictRoutes(db: Store): Router {
  const router = Router();
  const commits = new VerdictGroupCommit(db);
  const lead = requireRole('lead');
  router.post('/api/edits/:editId/verdicts', async (req, res) => {
    const { verdict, duplicate } = await record(commits, req, res, 'verdict');
    res.status(duplicate ? 200 : 201).json({ verdict, duplicate });
  });
  router.post('/api/edits/:editId/adjudication', lead, async (req, res) => {
    const { verdict, duplicate } = await record(commits, req, res, 'adjudication');
    res.status(duplicate ? 200 : 201).json({ adjudication: verdict, duplicate });
  });
  router.post('/api/edits/:editId/verdicts/retraction', async (req, res) => {
    res.json(await retract(db, req, res, 'verdict'));
  });
  router.post('/api/edits/:editId/adjudication/retraction', lead, async (req, res) => {
    res.json(await retract(db, req, res, 'adjudication'));
  });
  router.post('/articles/:id/edits/:editId/verdicts', loadReview(db), async (req, res) => {
    const url = nextEditUrl(res.locals.review as ArticleReview, String(req.params.editId), true);
    await record(commits, req, res, 'verdict');
    res.redirect(303, url);
  });
  router.post('/articles/:id/edits/:editId/adjudication', lead, loadReview(db), async (req, res) => {
    const url = nextEditUrl(res.locals.review as ArticleReview, String(req.params.editId), true);
    // The panel's final buttons name the decision `final` (its verdict buttons name it `decision`).
    req.body = { ...req.body, decision: req.body?.decision ?? req.body?.final };
    await record(commits, req, res, 'adjudication');
    res.redirect(303, url);
  });
  router.post('/articles/:id/edits/:editId/retraction', loadReview(db), async (req, res) => {
    const url = nextEditUrl(res.locals.review as ArticleReview, String(req.params.editId), false);
    await retract(db, req, res, req.body?.undo === 'adjudication' ? 'adjudication' : 'verdict');
    res.redirect(303, url);
  });
  return router;
}
