// A reviewer's own edits: a correction the post-editor missed, and the corrected text of an article without one.
import { randomUUID } from 'node:crypto';
import { type Request, type Response, Router } from 'express';
import { type Edit, splitParagraphs } from '../../diff/index.ts';
import { saveTypedCorrection } from '../../import-corpus.ts';
import type { ArticleReview } from '../../review/article-review.ts';
import { addReviewerEdit, ConflictError, getArticle, type Store } from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { loadReview } from './review.ts';

const maxCorrectedLength = 2 * 1024 * 1024;

/** Where the body came from: JSON gives numbers as numbers, a form gives them as text. */
type BodyKind = 'json' | 'form';

const invalid = (field: string, message: string) => new HttpError(400, `${field} ${message}`, [{ field, message }]);

/**
 * An integer field: a JSON number, or a form's decimal digits (an empty form field is absent, as the page's hidden
 * offset fields are without JavaScript). null, "", false, [] and numeric strings in JSON are refused, never read as 0.
 */
function integerField(body: Record<string, unknown>, field: string, kind: BodyKind): number | undefined {
  const value = body[field];
  if (value === undefined || (kind === 'form' && value === '')) return undefined;
  if (kind === 'json' && typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (kind === 'form' && typeof value === 'string' && /^[0-9]{1,15}$/.test(value)) return Number(value);
  throw invalid(field, kind === 'json' ? 'must be an integer (a JSON number)' : 'must be a whole number');
}

// Offsets index UTF-16 code units; one between the halves of a surrogate pair would cut a character in two.
const splitsPair = (text: string, at: number) =>
  at > 0 &&
  at < text.length &&
  /[\uD800-\uDBFF]/.test(text[at - 1] as string) &&
  /[\uDC00-\uDFFF]/.test(text[at] as string);

/** The span [start, end) given as offsets (from a selection in the page). */
function spanFromOffsets(mt: string, start: number | undefined, end: number | undefined) {
  if (start === undefined) throw invalid('mtStart', 'is missing (give mtStart with mtEnd)');
  if (end === undefined) throw invalid('mtEnd', 'is missing (give mtEnd with mtStart)');
  if (start < 0 || start > mt.length) throw invalid('mtStart', `must be an offset within the MT (0-${mt.length})`);
  if (end < start || end > mt.length) throw invalid('mtEnd', `must be an offset from mtStart to ${mt.length}`);
  if (splitsPair(mt, start)) throw invalid('mtStart', 'falls inside a character (a surrogate pair)');
  if (splitsPair(mt, end)) throw invalid('mtEnd', 'falls inside a character (a surrogate pair)');
  return { start, end };
}

const shortened = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The span of the n-th (non-overlapping) occurrence of `text`; at most one search per occurrence that exists. */
function spanFromText(mt: string, body: Record<string, unknown>, kind: BodyKind) {
  const text = body.mtText;
  if (typeof text !== 'string' || text === '') throw invalid('mtText', 'is missing: give the MT text to correct');
  const occurrence = integerField(body, 'occurrence', kind) ?? 1;
  if (occurrence < 1) throw invalid('occurrence', 'must be 1 or more');
  let start = mt.indexOf(text);
  if (start === -1)
    throw new HttpError(400, `"${shortened(text)}" does not occur in the MT`, [
      { field: 'mtText', message: 'not found' },
    ]);
  for (let found = 1; found < occurrence; found++) {
    start = mt.indexOf(text, start + text.length);
    if (start === -1) throw invalid('occurrence', `must be at most ${found}: the text occurs ${found} time(s)`);
  }
  return { start, end: start + text.length };
}

/**
 * The MT span the reviewer chose: offsets (from a selection) or an exact text and its occurrence (without JS), with
 * the field to name if the span clashes with an edit.
 */
function chosenSpan(mt: string, body: Record<string, unknown>, kind: BodyKind) {
  const start = integerField(body, 'mtStart', kind);
  const end = integerField(body, 'mtEnd', kind);
  if (start !== undefined || end !== undefined) return { ...spanFromOffsets(mt, start, end), field: 'mtStart' };
  return { ...spanFromText(mt, body, kind), field: 'mtText' };
}

/** A reviewer edit on [start, end); the store refuses it if it clashes with an existing edit. */
function reviewerEdit(review: ArticleReview, start: number, end: number, correctedText: string): Edit {
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

async function addEdit(db: Store, req: Request, res: Response): Promise<Edit> {
  const review = res.locals.review as ArticleReview;
  const body = (req.body ?? {}) as Record<string, unknown>;
  const correctedText = body.correctedText;
  if (typeof correctedText !== 'string' || correctedText.length > 20_000) {
    throw new HttpError(400, 'correctedText must be a string of at most 20,000 characters', [
      { field: 'correctedText', message: 'invalid' },
    ]);
  }
  const kind: BodyKind = req.is('application/json') ? 'json' : 'form';
  const { start, end, field } = chosenSpan(review.mt, body, kind);
  const edit = reviewerEdit(review, start, end, correctedText);
  try {
    await addReviewerEdit(db, review.id, edit, (res.locals as AuthLocals).reviewer?.id as number);
  } catch (error) {
    if (error instanceof ConflictError)
      throw new HttpError(409, error.message, [{ field, message: 'overlaps an edit' }]);
    throw error;
  }
  return edit;
}

/** Routes that add edits or set the corrected text. */
export function editRoutes(db: Store): Router {
  const router = Router();
  router.post('/api/articles/:id/edits', loadReview(db), async (req, res) => {
    res.status(201).json({ edit: await addEdit(db, req, res) });
  });
  router.post('/articles/:id/edits', loadReview(db), async (req, res) => {
    const edit = await addEdit(db, req, res);
    res.redirect(303, `/articles/${encodeURIComponent(String(req.params.id))}?edit=${encodeURIComponent(edit.id)}`);
  });
  router.post('/articles/:id/corrected', loadReview(db), async (req, res) => {
    const review = res.locals.review as ArticleReview;
    const corrected = (req.body as Record<string, unknown>)?.corrected;
    if (typeof corrected !== 'string' || corrected.trim() === '' || corrected.length > maxCorrectedLength) {
      throw new HttpError(400, 'the corrected text must be non-empty text', [
        { field: 'corrected', message: 'invalid' },
      ]);
    }
    if ((await getArticle(db, review.id))?.correctedOrigin === 'file') {
      throw new HttpError(409, 'this article has corrected.txt: its post-edit is reviewed edit by edit');
    }
    const text = corrected.replace(/\r\n?/g, '\n');
    try {
      await saveTypedCorrection(db, review.id, text, (res.locals as AuthLocals).reviewer?.id as number);
    } catch (error) {
      if (error instanceof ConflictError) throw new HttpError(409, error.message);
      throw error;
    }
    res.redirect(303, `/articles/${encodeURIComponent(review.id)}`);
  });
  return router;
}
