// The statistics: the page with its inline SVG charts (`?model=` picks the score shown) and `/api/stats`, both a
// summary of the corpus with the articles one page at a time (`?sort=`, `?page=`, `?perPage=`).
import { type Request, Router } from 'express';
import type { MqmScore, ScoringModel } from '../../metrics/mqm-models.ts';
import { findScoringModel } from '../../metrics/mqm-models.ts';
import { findCategory, severities } from '../../review/taxonomy.ts';
import type { Statistics } from '../../stats/aggregate.ts';
import { loadStatistics, pendingArticles } from '../../stats/load-stats.ts';
import {
  type ArticlePaging,
  type ArticleSort,
  articlePage,
  articleSorts,
  defaultPerPage,
  hterDistribution,
  maxPerPage,
  recurringArticlesShown,
  recurringShown,
  scoreDistribution,
  statsAnswer,
  topAndBottom,
} from '../../stats/summary.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../errors.ts';
import { barChartSvg } from '../svg-charts.ts';

/** The model the page shows when `?model=` is absent. */
export const defaultStatsModel = 'mqm2';

/**
 * Milliseconds of recomputation a request waits for: after a burst of verdicts the rest is done in the background
 * and the answer has those articles' previous numbers (the page says how many are being updated).
 */
const requestBudgetMs = 5;

/** A positive integer query parameter, at most `max`; `fallback` when absent; else a 400 naming it. */
function positiveInt(req: Request, field: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = req.query[field];
  if (raw === undefined) return fallback;
  const value = typeof raw === 'string' && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value <= max)) {
    const message = `must be a whole number from 1 to ${max === Number.MAX_SAFE_INTEGER ? 'up' : max}`;
    throw new HttpError(400, `${field} ${message}`, [{ field, message }]);
  }
  return value;
}

/** `?model=`, `?sort=`, `?page=` and `?perPage=`, read strictly. */
function pagingOf(req: Request): { model: ScoringModel; paging: ArticlePaging } {
  const modelId = typeof req.query.model === 'string' ? req.query.model : defaultStatsModel;
  const model = findScoringModel(modelId);
  if (!model) throw new HttpError(400, `unknown model ${modelId}`, [{ field: 'model', message: 'unknown model' }]);
  const sort = req.query.sort ?? 'newest';
  if (!articleSorts.includes(sort as ArticleSort)) {
    throw new HttpError(400, `sort must be one of ${articleSorts.join(', ')}`, [
      { field: 'sort', message: 'unknown order' },
    ]);
  }
  const page = positiveInt(req, 'page', 1);
  const perPage = positiveInt(req, 'perPage', defaultPerPage, maxPerPage);
  return { model, paging: { page, perPage, sort: sort as ArticleSort, model: model.id } };
}

/** A number with at most `digits` decimals; an em dash for null. */
function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** A share as a percentage; an em dash for null. */
function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(0)}%`;
}

/** A score with pass/fail when the model has a threshold. */
function formatScore(score: MqmScore | null | undefined): string {
  if (!score) return '—';
  return `${formatNumber(score.score)}${score.pass === undefined ? '' : score.pass ? ' pass' : ' fail'}`;
}

/** The raw counts behind a score: critical, major, minor, neutral, and the penalty points. */
function formatCounts(score: MqmScore | null | undefined): string {
  if (!score) return '';
  const { critical, major, minor, neutral } = score.counts;
  return `${critical} critical, ${major} major, ${minor} minor, ${neutral} neutral; ${formatNumber(score.penalty)} points`;
}

function charts(stats: Statistics, model: ScoringModel): string[] {
  const byCategory = Object.entries(stats.corpus.errors.byCategory)
    .map(([id, value]) => ({ label: findCategory(id)?.label ?? id, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const severityOrder = [...severities.map((s) => s.id), 'unrated'] as string[];
  const bySeverity = severityOrder
    .filter((id) => stats.corpus.errors.bySeverity[id] !== undefined)
    .map((id) => ({ label: id, value: stats.corpus.errors.bySeverity[id] as number }));
  return [
    barChartSvg({ title: 'Errors by category', bars: byCategory, empty: 'No errors recorded yet.' }),
    barChartSvg({ title: 'Errors by severity', bars: bySeverity, empty: 'No errors recorded yet.' }),
    // A bar per article would grow with the corpus: how many articles fall in each band of scores instead.
    barChartSvg({
      title: `${model.label} score per article: articles per band`,
      bars: scoreDistribution(stats, model),
      empty: 'No article reviewed yet.',
    }),
    barChartSvg({ title: 'HTER per article: articles per band', bars: hterDistribution(stats), empty: 'No articles.' }),
  ];
}

/** Routes of the statistics. */
export function statsRoutes(db: Store): Router {
  const router = Router();
  router.get('/api/stats', async (req, res) => {
    const { model, paging } = pagingOf(req);
    res.json(statsAnswer(await loadStatistics(db, { budgetMs: requestBudgetMs }), paging, model));
  });
  router.get('/stats', async (req, res) => {
    const { model, paging } = pagingOf(req);
    const stats = await loadStatistics(db, { budgetMs: requestBudgetMs });
    const link = (changes: Partial<ArticlePaging>) => {
      const next = { ...paging, ...changes };
      const query = new URLSearchParams({ model: next.model, sort: next.sort, page: String(next.page) });
      if (next.perPage !== defaultPerPage) query.set('perPage', String(next.perPage));
      return `/stats?${query}#articles`;
    };
    res.render('stats', {
      stats,
      model,
      charts: charts(stats, model),
      page: articlePage(stats, paging, model),
      extremes: topAndBottom(stats, model),
      sorts: articleSorts,
      link,
      pending: pendingArticles(db),
      recurring: stats.recurring.slice(0, recurringShown),
      recurringArticlesShown,
      fmt: { number: formatNumber, percent: formatPercent, score: formatScore, counts: formatCounts },
      categoryLabel: (id: string) => findCategory(id)?.label ?? id,
    });
  });
  return router;
}
