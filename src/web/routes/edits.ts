// A reviewer's own edits: a correction the post-editor missed, and the corrected text of an article without one.
import { randomUUID } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import { type Edit, splitParagraphs } from '../../diff/index.ts';
import type { ArticleReview } from '../../export/types.ts';
import { saveTypedCorrection } from '../../import-corpus.ts';
import { addReviewerEdit, ConflictError, getArticle, type Store } from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { loadReview } from './review.ts';

const maxCorrectedLength = 2 * 1024 * 1024;

/** The MT span the reviewer chose: offsets (from a selection) or an exact text and its occurrence (without JS). */
function chosenSpan(mt: string, body: Record<string, unknown>): { start: number; end: number } {
  if (body.mtStart !== undefined && body.mtStart !== '') {
    const start = Number(body.mtStart);
    const end = Number(body.mtEnd);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > mt.length) {
      throw new HttpError(400, `mtStart/mtEnd must be offsets within the MT (0-${mt.length})`, [
        { field: 'mtStart', message: 'out of range' },
      ]);
    }
    return { start, end };
  }
  const text = body.mtText;
  if (typeof text !== 'string' || text === '')
    throw new HttpError(400, 'give the MT text to correct', [{ field: 'mtText', message: 'missing' }]);
  const occurrence = Number(body.occurrence ?? 1) || 1;
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = mt.indexOf(text, start + 1);
  if (start === -1)
    throw new HttpError(400, `"${text}" does not occur ${occurrence} time(s) in the MT`, [
      { field: 'mtText', message: 'not found' },
    ]);
  return { start, end: start + text.length };
}

/** A reviewer edit on [start, end): refused where it would overlap an existing edit. */
function reviewerEdit(review: ArticleReview, start: number, end: number, correctedText: string): Edit {
  const clash = review.edits.find((e) => e.status === 'current' && e.mtStart < end && start < e.mtEnd);
  if (clash)
    throw new HttpError(409, `the span overlaps an existing edit ("${clash.mtText}")`, [
      { field: 'mtStart', message: 'overlaps an edit' },
    ]);
  if (review.mt.slice(start, end) === correctedText)
    throw new HttpError(400, 'the correction equals the MT', [{ field: 'correctedText', message: 'unchanged' }]);
  const paragraph = Math.max(
    0,
    splitParagraphs(review.mt).paragraphs.findLastIndex((p) => p.start <= start),
  );
  return {
    id: `r-${randomUUID().slice(0, 12)}`,
    mtStart: start,
    mtEnd: end,
    mtText: review.mt.slice(start, end),
    correctedText,
    correctedStart: start,
    correctedEnd: start + correctedText.length,
    paragraph,
    contextBefore: review.mt.slice(Math.max(0, start - 40), start),
    contextAfter: review.mt.slice(end, end + 40),
    origin: 'reviewer',
  };
}

function addEdit(db: Store, req: Request, res: Response): Edit {
  const review = res.locals.review as ArticleReview;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const correctedText = body.correctedText;
  if (typeof correctedText !== 'string' || correctedText.length > 20_000) {
    throw new HttpError(400, 'correctedText must be a string of at most 20,000 characters', [
      { field: 'correctedText', message: 'invalid' },
    ]);
  }
  const { start, end } = chosenSpan(review.mt, body);
  const edit = reviewerEdit(review, start, end, correctedText);
  addReviewerEdit(db, review.id, edit, (res.locals as AuthLocals).reviewer?.id as number);
  return edit;
}

/** Routes that add edits or set the corrected text. */
export function editRoutes(db: Store): Router {
  const router = Router();
  router.post('/api/articles/:id/edits', loadReview(db), (req, res) => {
    res.status(201).json({ edit: addEdit(db, req, res) });
  });
  router.post('/articles/:id/edits', loadReview(db), (req, res) => {
    const edit = addEdit(db, req, res);
    res.redirect(303, `/articles/${encodeURIComponent(String(req.params.id))}?edit=${encodeURIComponent(edit.id)}`);
  });
  router.post('/articles/:id/corrected', loadReview(db), (req, res) => {
    const review = res.locals.review as ArticleReview;
    const corrected = (req.body as Record<string, unknown>)?.corrected;
    if (typeof corrected !== 'string' || corrected.trim() === '' || corrected.length > maxCorrectedLength) {
      throw new HttpError(400, 'the corrected text must be non-empty text', [
        { field: 'corrected', message: 'invalid' },
      ]);
    }
    if (getArticle(db, review.id)?.correctedOrigin === 'file') {
      throw new HttpError(409, 'this article has corrected.txt: its post-edit is reviewed edit by edit');
    }
    const text = corrected.replace(/\r\n?/g, '\n');
    try {
      saveTypedCorrection(db, review.id, text, (res.locals as AuthLocals).reviewer?.id as number);
    } catch (error) {
      if (error instanceof ConflictError) throw new HttpError(409, error.message);
      throw error;
    }
    res.redirect(303, `/articles/${encodeURIComponent(review.id)}`);
  });
  return router;
}
