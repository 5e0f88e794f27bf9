// The statistics: the page with its inline SVG charts (`?model=` picks the score shown) and `/api/stats`.
import { Router } from 'express';
import type { MqmScore } from '../../metrics/mqm-models.ts';
import { findScoringModel } from '../../metrics/mqm-models.ts';
import { findCategory, severities } from '../../review/taxonomy.ts';
import type { ArticleStats, Statistics } from '../../stats/aggregate.ts';
import { loadStatistics } from '../../stats/load-stats.ts';
import { barChartSvg } from '../../stats/svg-charts.ts';
import type { Store } from '../../store/index.ts';
import { HttpError } from '../errors.ts';

/** The model the page shows when `?model=` is absent. */
export const defaultStatsModel = 'mqm2';

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

function charts(stats: Statistics, model: string, label: string): string[] {
  const byCategory = Object.entries(stats.corpus.errors.byCategory)
    .map(([id, value]) => ({ label: findCategory(id)?.label ?? id, value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const severityOrder = [...severities.map((s) => s.id), 'unrated'] as string[];
  const bySeverity = severityOrder
    .filter((id) => stats.corpus.errors.bySeverity[id] !== undefined)
    .map((id) => ({ label: id, value: stats.corpus.errors.bySeverity[id] as number }));
  const perArticle = stats.articles.map((a: ArticleStats) => ({
    label: a.title ?? a.id,
    // An article nobody reviewed has a perfect score only on paper: no bar, and the words say why.
    value: a.decided === 0 ? 0 : (a.scores[model]?.score ?? 0),
    text: a.decided === 0 ? 'not reviewed' : formatScore(a.scores[model]),
  }));
  return [
    barChartSvg({ title: 'Errors by category', bars: byCategory, empty: 'No errors recorded yet.' }),
    barChartSvg({ title: 'Errors by severity', bars: bySeverity, empty: 'No errors recorded yet.' }),
    barChartSvg({ title: `${label} score per article`, bars: perArticle, empty: 'No articles.' }),
  ];
}

/** Routes of the statistics. */
export function statsRoutes(db: Store): Router {
  const router = Router();
  router.get('/api/stats', async (_req, res) => {
    res.json(await loadStatistics(db));
  });
  router.get('/stats', async (req, res) => {
    const modelId = typeof req.query.model === 'string' ? req.query.model : defaultStatsModel;
    const model = findScoringModel(modelId);
    if (!model) throw new HttpError(400, `unknown model ${modelId}`, [{ field: 'model', message: 'unknown model' }]);
    const stats = await loadStatistics(db);
    res.render('stats', {
      stats,
      model,
      charts: charts(stats, model.id, model.label),
      fmt: { number: formatNumber, percent: formatPercent, score: formatScore, counts: formatCounts },
      categoryLabel: (id: string) => findCategory(id)?.label ?? id,
    });
  });
  return router;
}
