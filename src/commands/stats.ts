// `mt-review stats [--json] [--model M] [--reviewers] [--db FILE]`: the review statistics as a short table, or as
// /api/stats JSON; per reviewer with --reviewers.

import { findScoringModel, type MqmScore, scoringModels } from '../metrics/mqm-models.ts';
import type { Statistics } from '../stats/aggregate.ts';
import { loadReviewerStats } from '../stats/load-reviewer-stats.ts';
import { loadStatistics } from '../stats/load-stats.ts';
import { type Command, parseCommandArgs, UsageError } from './args.ts';
import { reviewerStatsTable } from './reviewer-stats-table.ts';
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

export const command: Command = {
  summary: 'review statistics: counts, errors, HTER and MQM scores per article and for the corpus',
  usage: `Usage: mt-review stats [--json] [--model M] [--reviewers] [--db FILE]

  --json       print what GET /api/stats returns (with --reviewers: GET /api/stats/reviewers, its first page)
  --model M    the score shown in the table: ${scoringModels.map((m) => m.id).join(', ')} (default mqm2)
  --reviewers  per reviewer: verdicts, agreement with the outcome, adjudications, time per article; kappa per pair
Score columns show the raw error counts as critical/major/minor/neutral.`,
  run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      model: { type: 'string' },
      db: { type: 'string' },
      reviewers: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError('stats takes no arguments');
    const modelId = values.model ?? 'mqm2';
    if (!findScoringModel(modelId)) throw new UsageError(`unknown model ${modelId}`);
    // Reading statistics never creates a database: a missing file is a mistake in --db, not an empty corpus.
    return withStore(
      values.db,
      async (db) => {
        if (values.reviewers) {
          const stats = await loadReviewerStats(db);
          process.stdout.write(values.json ? `${JSON.stringify(stats)}\n` : reviewerStatsTable(stats));
          return 0;
        }
        const stats = await loadStatistics(db);
        process.stdout.write(values.json ? `${JSON.stringify(stats)}\n` : statsTable(stats, modelId));
        return 0;
      },
      { mustExist: true },
    );
  },
};
