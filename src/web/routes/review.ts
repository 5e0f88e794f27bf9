// The review page of one article and its JSON twin, built from the same view.
import { randomUUID } from 'node:crypto';
import { type Application, type NextFunction, type Request, type Response, Router } from 'express';
import { exportFormats } from '../../export/formats.ts';
import { type ArticleReview, unsetTeamReview } from '../../review/article-review.ts';
import { UnresolvableReviewError } from '../../review/integrity.ts';
import { categories, dimensions, severities } from '../../review/taxonomy.ts';
import { maxNoteLength } from '../../review/verdict-input.ts';
import { loadArticleReview } from '../../store/article-review.ts';
import {
  archiveStateOf,
  articleStatusOf,
  getArticle,
  getEdit,
  latestTextChangeUnderVerdicts,
  listReviewers,
  type Store,
} from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { editStates, originLabel } from '../labels.ts';
import { fillSlots, PageCache, type Slots, type SlottedPage } from '../page-cache.ts';
import { PageKeys } from '../page-keys.ts';
import {
  checkOf,
  filterKey,
  filterOptions,
  filterQuery,
  isFiltered,
  originGroups,
  passesFilter,
  type ReviewFilter,
  readReviewFilter,
} from '../review-filter.ts';
import { buildReviewView, type EditView } from '../view-models.ts';
import { type ViewOf, viewKeyOf, viewOf } from '../viewer.ts';

/** Loads the article named by :id into res.locals.review, or answers 404 once for every route that needs it. */
export function loadReview(db: Store) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const review = await loadArticleReview(db, String(req.params.id));
    if (!review) return next(new HttpError(404, `no article "${req.params.id}"`));
    res.locals.review = review;
    next();
  };
}

/** Renders the review page with markers where the request's own values go (see page-cache.ts). */
async function renderReviewPage(
  app: Application,
  db: Store,
  seen: ViewOf,
  editId: string,
  filter: ReviewFilter,
  slots: Slots,
  revision: string,
): Promise<string> {
  const status = await articleStatusOf(db, seen.review.id);
  const { review } = seen;
  const view = buildReviewView(review);
  const shown = view.edits.filter((e) => passesFilter(e, filter));
  const selected =
    view.edits.find((e) => e.edit.id === editId) ??
    shown.find((e) => e.state === 'undecided') ??
    shown[0] ??
    view.edits[0];
  const locals = {
    review,
    view,
    selected,
    seen,
    team: review.team ?? unsetTeamReview,
    status,
    archive: await archiveStateOf(db, review.id),
    // A lead assigns reviewers: the names to choose from.
    reviewers: seen.lead ? (await listReviewers(db)).filter((r) => !r.disabledAt).map((r) => r.name) : [],
    filter: {
      ...filter,
      active: isFiltered(filter),
      query: filterQuery(filter),
      shown: new Set(shown.map((e) => e.edit.id)),
    },
    filterOptions: { origins: originGroups, ...filterOptions(view.edits, filter) },
    reviewer: { name: slots.reviewer },
    csrfToken: slots.csrfToken,
    clientRequestId: slots.clientRequestId,
    correctedFromFile: (await getArticle(db, review.id))?.correctedOrigin === 'file',
    // Every import bumps the article's version, so a page kept in the cache never shows an old notice.
    textChange: (await latestTextChangeUnderVerdicts(db, review.id)) ?? null,
    taxonomy: { categories, dimensions, severities },
    maxNoteLength,
    exportFormats,
    // Data for review.js; '<' escaped so that no corpus text can close the <script> element it sits in.
    pageData: JSON.stringify({
      articleId: review.id,
      // The data version the page shows: live.js compares it with the server's on connecting.
      revision: Number(revision),
      mt: review.mt,
      hasPostEdit: review.corrected !== null,
      viewer: seen.reviewer,
      lead: seen.lead,
      states: editStates,
      edits: view.edits.map(pageEdit),
    }).replace(/</g, '\\u003c'),
  };
  return new Promise((resolve, reject) => {
    app.render('review', locals, (error, html) => (error ? reject(error) : resolve(html)));
  });
}

/** What review.js needs of an edit. */
function pageEdit(e: EditView) {
  return {
    id: e.edit.id,
    number: e.number,
    mtStart: e.edit.mtStart,
    mtEnd: e.edit.mtEnd,
    mtText: e.edit.mtText,
    correctedText: e.edit.correctedText,
    origin: e.edit.origin,
    checkId: checkOf(e),
    originLabel: originLabel(e.edit.origin, e.edit.checkId),
    message: e.edit.message ?? null,
    suggestedCategory: e.edit.suggestedCategory ?? null,
    suggestedSeverity: e.edit.suggestedSeverity ?? null,
    outcome: e.outcome,
    current: e.current,
    adjudication: e.adjudication,
  };
}

/** The review view, or a 409 naming each edit at fault when the article's edits cannot be applied together. */
export function resolvedView(review: ArticleReview) {
  try {
    return buildReviewView(review);
  } catch (error) {
    if (!(error instanceof UnresolvableReviewError)) throw error;
    throw new HttpError(
      409,
      `${error.message}; set the edit aside (POST /api/articles/${review.id}/edits/EDIT/set-aside) to repair it`,
      error.problems.map((p) => ({ field: `edits.${p.editId}`, message: p.message })),
    );
  }
}

/**
 * The edit `?edit=` asks for if it is a current edit of this article, else '' (the default selection): the page
 * cache is keyed by it, so an unknown value renders the default page instead of keeping a page of its own.
 */
async function selectableEdit(db: Store, articleId: string, requested: unknown): Promise<string> {
  if (typeof requested !== 'string' || requested === '') return '';
  const edit = await getEdit(db, requested);
  return edit?.articleId === articleId && edit.status === 'current' ? edit.id : '';
}

/** Routes of the review page. */
export function reviewRoutes(db: Store, pages = new PageCache()): Router {
  const router = Router();
  const pageKeys = new PageKeys(db);
  // A page is rendered once per data version and selected edit; a verdict or an import makes a new version.
  router.get('/articles/:id', async (req, res) => {
    const id = String(req.params.id);
    const key = await pageKeys.of(id);
    if (key === undefined) throw new HttpError(404, `no article "${id}"`);
    const { version } = key;
    const editId = await selectableEdit(db, id, req.query.edit);
    const filter = readReviewFilter(req.query as Record<string, unknown>);
    // One page per data version, view (a reviewer's own, or a lead's full one), selected edit and filter: the
    // article itself is read only when that page is not kept yet.
    const view = viewKeyOf(req, res, key.mode);
    const variant = JSON.stringify([view, editId, filterKey(filter)]);
    let page: SlottedPage;
    try {
      page = await pages.get(id, version, variant, async (slots) => {
        const review = await loadArticleReview(db, id);
        if (!review) throw new HttpError(404, `no article "${id}"`);
        return renderReviewPage(req.app, db, viewOf(req, res, review), editId, filter, slots, version);
      });
    } catch (error) {
      if (!(error instanceof UnresolvableReviewError)) throw error;
      // This article alone: its page says what is wrong and offers the repair.
      const review = await loadArticleReview(db, id);
      res.status(409).render('review-problem', { review, problems: error.problems });
      return;
    }
    const { reviewer, csrfToken } = res.locals as AuthLocals;
    res
      .type('html')
      .send(
        fillSlots(page, { csrfToken: csrfToken ?? '', reviewer: reviewer?.name ?? '', clientRequestId: randomUUID() }),
      );
  });
  router.get('/api/articles/:id', loadReview(db), async (req, res) => {
    const seen = viewOf(req, res, res.locals.review as ArticleReview);
    const { review } = seen;
    const view = resolvedView(review);
    const edit = (e: (typeof view.edits)[number]) => ({
      ...e.edit,
      number: e.number,
      outcome: e.outcome,
      verdicts: e.current,
      adjudication: e.adjudication,
    });
    res.json({
      id: review.id,
      ...review.meta,
      mt: review.mt,
      corrected: review.corrected,
      preview: view.resolution.text,
      // Whose review this is: a reviewer's own (blind review hides the others' first pass), or null for everyone's.
      viewer: seen.reviewer,
      lead: seen.lead,
      status: await articleStatusOf(db, review.id),
      team: review.team ?? unsetTeamReview,
      counts: view.resolution.counts,
      reviewed: view.reviewed,
      edits: view.edits.map(edit),
      staleEdits: view.stale.map(edit),
      // The history is paged on its own route: this answer stays the same size however many verdicts there are.
      history: `/api/articles/${encodeURIComponent(review.id)}/verdicts`,
    });
  });
  return router;
}
