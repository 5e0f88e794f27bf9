// The review page of one article and its JSON twin, built from the same view.
import { type NextFunction, type Request, type Response, Router } from 'express';
import { exportFormats } from '../../export/formats.ts';
import { loadArticleReview } from '../../export/load-review.ts';
import type { ArticleReview } from '../../export/types.ts';
import { categories, dimensions, severities } from '../../review/taxonomy.ts';
import { maxNoteLength } from '../../review/verdict-input.ts';
import { getArticle, type Store } from '../../store/index.ts';
import { HttpError } from '../errors.ts';
import { buildReviewView } from '../view-models.ts';

/** Loads the article named by :id into res.locals.review, or answers 404 once for every route that needs it. */
export function loadReview(db: Store) {
  return (req: Request, res: Response, next: NextFunction) => {
    const review = loadArticleReview(db, String(req.params.id));
    if (!review) return next(new HttpError(404, `no article "${req.params.id}"`));
    res.locals.review = review;
    next();
  };
}

/** Routes of the review page. */
export function reviewRoutes(db: Store): Router {
  const router = Router();
  router.get('/articles/:id', loadReview(db), (req, res) => {
    const review = res.locals.review as ArticleReview;
    const view = buildReviewView(review);
    const selected =
      view.edits.find((e) => e.edit.id === req.query.edit) ??
      view.edits.find((e) => e.state === 'undecided') ??
      view.edits[0];
    res.render('review', {
      review,
      view,
      selected,
      correctedFromFile: getArticle(db, review.id)?.correctedOrigin === 'file',
      taxonomy: { categories, dimensions, severities },
      maxNoteLength,
      exportFormats,
      clientRequestId: crypto.randomUUID(),
      // Data for review.js; '<' escaped so that no corpus text can close the <script> element it sits in.
      pageData: JSON.stringify({
        articleId: review.id,
        mt: review.mt,
        edits: view.edits.map((e) => ({
          id: e.edit.id,
          number: e.number,
          mtStart: e.edit.mtStart,
          mtEnd: e.edit.mtEnd,
          mtText: e.edit.mtText,
          correctedText: e.edit.correctedText,
          origin: e.edit.origin,
          message: e.edit.message ?? null,
          suggestedCategory: e.edit.suggestedCategory ?? null,
          suggestedSeverity: e.edit.suggestedSeverity ?? null,
          standing: e.standing,
          current: e.current,
          history: e.history,
        })),
      }).replace(/</g, '\\u003c'),
    });
  });
  router.get('/api/articles/:id', loadReview(db), (_req, res) => {
    const review = res.locals.review as ArticleReview;
    const view = buildReviewView(review);
    const edit = (e: (typeof view.edits)[number]) => ({
      ...e.edit,
      number: e.number,
      verdicts: e.current,
      standing: e.standing,
    });
    res.json({
      id: review.id,
      ...review.meta,
      mt: review.mt,
      corrected: review.corrected,
      preview: view.resolution.text,
      reviewed: view.reviewed,
      edits: view.edits.map(edit),
      staleEdits: view.stale.map(edit),
      verdicts: review.verdicts,
    });
  });
  return router;
}
