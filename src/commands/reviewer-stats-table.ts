// The per-reviewer statistics as the text `mt-review stats --reviewers` prints.
import type { ReviewerStatsPage } from '../stats/load-reviewer-stats.ts';

const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);

function duration(seconds: number | null): string {
  if (seconds === null) return '-';
  const s = Math.round(seconds);
  return s < 60
    ? `${s}s`
    : s < 3600
      ? `${Math.floor(s / 60)}m${s % 60}s`
      : `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}

/** One line per reviewer, then one per pair; agreement over agreed and adjudicated edits (disputed ones left out). */
export function reviewerStatsTable(stats: Pick<ReviewerStatsPage, 'reviewers' | 'pairs'>): string {
  const header = [
    'reviewer',
    'role',
    'verdicts',
    'articles',
    'agreement',
    'won/lost',
    'disputed',
    'adjudicated',
    'median time',
  ];
  const rows = stats.reviewers.map((r) => [
    r.reviewer,
    r.role,
    String(r.verdicts),
    String(r.articles),
    `${percent(r.agreement.share)} (${r.agreement.stood}/${r.agreement.counted})`,
    `${r.outcomes.upheld}/${r.outcomes.overruled}`,
    String(r.outcomes.disputed),
    String(r.adjudications),
    duration(r.reviewTime.medianSeconds),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ');
  const lines = [line(header), ...rows.map(line)];
  if (rows.length === 0) lines.push('no verdicts yet');
  for (const p of stats.pairs) {
    const kappa = p.kappa === null ? '-' : p.kappa.toFixed(3);
    lines.push(`agreement ${p.reviewers.join(' / ')}: ${p.edits} shared edits, kappa ${kappa}`);
  }
  lines.push(
    'agreement: the share of current verdicts that stood, over agreed and adjudicated edits (disputed left out)',
  );
  return `${lines.join('\n')}\n`;
}
