// `mt-review stats [--json] [--model M] [--reviewers] [--db FILE]`: the review statistics as a short table, or as
// /api/stats JSON; per reviewer with --reviewers. Reads the parts the server stored (article_stats).

import { findScoringModel, type MqmScore, scoringModels } from '../metrics/mqm-models.ts';
import type { Statistics } from '../stats/aggregate.ts';
import { loadStatistics } from '../stats/load-stats.ts';
import { type ArticleSort, articleSorts, defaultPerPage, maxPerPage, statsAnswer } from '../stats/summary.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { withStore } from './with-store.ts';

const fixed = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

function scoreCell(score: MqmScore | null | undefined): string {
  if (!score) return '-';
  const { critical, major, minor, neutral } = score.counts;
  const verdict = score.pass === undefined ? '' : score.pass ? ' pass' : ' fail';
  return `${fixed(score.score)}${verdict} (${critical}/${major}/${minor}/${neutral})`;
}

/** The human-readable table: one line per article, then the corpus, reviewers and agreement. */
export function statsTable(stats: Statistics, modelId: string): string {
  const header = ['article', 'words', 'edits', 'reviewed', 'acc/rej/amd', 'errors', 'HTER', `${modelId} (c/M/m/n)`];
  const rows = [...stats.articles, { ...stats.corpus, id: `corpus (${stats.corpus.articles} articles)` }].map((a) => [
    a.id,
    String(a.words),
    String(a.edits),
    `${Math.round(a.reviewedShare * 100)}%`,
    `${a.decisions.accepted}/${a.decisions.rejected}/${a.decisions.amended}`,
    String(a.errors.total),
    fixed(a.hter.score),
    a.decided === 0 ? 'not reviewed' : scoreCell(a.scores[modelId]),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ');
  const lines = [line(header), ...rows.map(line)];
  for (const a of stats.attention) {
    lines.push(`needs attention: ${a.id} (left out above): ${a.problems.map((p) => p.message).join('; ')}`);
  }
  for (const r of stats.reviewers) lines.push(`reviewer ${r.reviewer}: ${r.verdicts} verdicts on ${r.edits} edits`);
  for (const p of stats.agreement) {
    const kappa = p.kappa === null ? '-' : p.kappa.toFixed(3);
    lines.push(`agreement ${p.reviewers.join(' / ')}: ${p.edits} shared edits, kappa ${kappa}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A whole number option from 1 to `max`; `fallback` when absent. */
function wholeNumber(raw: string | undefined, name: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value <= max)) throw new UsageError(`${name} must be a whole number from 1 to ${max}`);
  return value;
}

export const command: Command = {
  summary: 'review statistics: counts, errors, HTER and MQM scores per article and for the corpus',
  usage: `Usage: mt-review stats [--json [--sort S] [--page N] [--per-page N]] [--model M] [--reviewers] [--db FILE]

  --json       print what GET /api/stats returns (its articles a page at a time: --sort ${articleSorts.join('|')},
               --page N, --per-page N up to ${maxPerPage}, default ${defaultPerPage}; with --reviewers:
               GET /api/stats/reviewers, its first page)
  --model M    the score shown in the table: ${scoringModels.map((m) => m.id).join(', ')} (default mqm2)
  --reviewers  per reviewer: verdicts, agreement with the outcome, adjudications, time per article; kappa per pair
Score columns show the raw error counts as critical/major/minor/neutral.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      model: { type: 'string' },
      db: { type: 'string' },
      reviewers: { type: 'boolean' },
      sort: { type: 'string' },
      page: { type: 'string' },
      'per-page': { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError('stats takes no arguments');
    const modelId = values.model ?? 'mqm2';
    const model = findScoringModel(modelId);
    if (!model) throw new UsageError(`unknown model ${modelId}`);
    const sort = (values.sort ?? 'newest') as ArticleSort;
    if (!articleSorts.includes(sort)) throw new UsageError(`--sort must be one of ${articleSorts.join(', ')}`);
    const page = wholeNumber(values.page, '--page', 1, Number.MAX_SAFE_INTEGER);
    const perPage = wholeNumber(values['per-page'], '--per-page', defaultPerPage, maxPerPage);
    // Reading statistics never creates a database: a missing file is a mistake in --db, not an empty corpus.
    return withStore(
      values.db,
      async (db) => {
        if (values.reviewers) {
          // Loaded only when asked for: the statistics alone start without them (startup is per module).
          const { loadReviewerStats } = await import('../stats/load-reviewer-stats.ts');
          const { reviewerStatsTable } = await import('./reviewer-stats-table.ts');
          const stats = await loadReviewerStats(db);
          process.stdout.write(values.json ? `${JSON.stringify(stats)}\n` : reviewerStatsTable(stats));
          return 0;
        }
        const stats = await loadStatistics(db);
        const answer = () => statsAnswer(stats, { page, perPage, sort, model: modelId }, model);
        process.stdout.write(values.json ? `${JSON.stringify(answer())}\n` : statsTable(stats, modelId));
        return 0;
      },
      { mustExist: true },
    );
  },
};
