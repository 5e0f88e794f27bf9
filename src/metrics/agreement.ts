// Per reviewer (pure): verdicts given, and agreement (Cohen's kappa on the decision, observed on category, severity).

import type { ArticleReview, VerdictRecord } from '../review/article-review.ts';
import { currentDecisions } from '../review/outcome.ts';

/** One reviewer's current word on one edit: their latest verdict there. */
export interface ReviewerDecision {
  editId: string;
  reviewer: string;
  decision: VerdictRecord['decision'];
  category: string | null;
  severity: string | null;
}

/** Agreement on one field over the edits where both reviewers gave a value. */
export interface FieldAgreement {
  compared: number;
  agreed: number;
  /** agreed / compared; null when nothing was compared. */
  observed: number | null;
}

/** How two reviewers agree over the edits both decided. */
export interface PairAgreement {
  reviewers: [string, string];
  /** Edits both reviewers decided (each by their current verdict). */
  edits: number;
  decision: FieldAgreement;
  /** Cohen's kappa on the decision; null when undefined (no shared edits, or chance agreement is 1). */
  kappa: number | null;
  category: FieldAgreement;
  severity: FieldAgreement;
}

/** Verdicts one reviewer gave (whole history) and the edits they decided. */
export interface ReviewerStats {
  reviewer: string;
  verdicts: number;
  edits: number;
  accept: number;
  reject: number;
  amend: number;
}

/** Verdicts given per reviewer, over the whole history (the reviews' activity), sorted by name. */
export function reviewerStats(reviews: readonly ArticleReview[]): ReviewerStats[] {
  const byName = new Map<string, ReviewerStats>();
  for (const activity of reviews.flatMap((review) => review.activity)) {
    const stats = byName.get(activity.reviewer) ?? {
      ...{ reviewer: activity.reviewer, verdicts: 0, edits: 0, accept: 0, reject: 0, amend: 0 },
    };
    for (const key of ['verdicts', 'edits', 'accept', 'reject', 'amend'] as const) stats[key] += activity[key];
    byName.set(activity.reviewer, stats);
  }
  return [...byName.values()].sort((a, b) => a.reviewer.localeCompare(b.reviewer));
}

/** Each reviewer's current verdict per edit (the latest standing), from current verdicts or a whole history. */
export function currentPerReviewer(verdicts: readonly VerdictRecord[]): ReviewerDecision[] {
  const decisions = [...currentDecisions(verdicts).verdicts.values()].flatMap((list) =>
    list.map(({ editId, reviewer, decision, category, severity }) => ({
      editId,
      reviewer,
      decision,
      category,
      severity,
    })),
  );
  return decisions.sort((a, b) =>
    a.reviewer === b.reviewer ? order(a.editId, b.editId) : order(a.reviewer, b.reviewer),
  );
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A table of two raters' labels: `${labelA}\u0000${labelB}` → how often. */
type LabelTable = Record<string, number>;

const cell = (a: string, b: string) => `${a}\u0000${b}`;

function kappaOfTable(table: LabelTable): number | null {
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let n = 0;
  let agreed = 0;
  for (const [key, count] of Object.entries(table)) {
    const [a, b] = key.split('\u0000') as [string, string];
    n += count;
    if (a === b) agreed += count;
    countsA.set(a, (countsA.get(a) ?? 0) + count);
    countsB.set(b, (countsB.get(b) ?? 0) + count);
  }
  if (n === 0) return null;
  let chance = 0;
  for (const [label, countA] of countsA) chance += (countA / n) * ((countsB.get(label) ?? 0) / n);
  if (chance >= 1) return null;
  return (agreed / n - chance) / (1 - chance);
}

/** Cohen's kappa of two raters' labels, given as pairs (rater A's label, rater B's label). */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const table: LabelTable = {};
  for (const [a, b] of pairs) table[cell(a, b)] = (table[cell(a, b)] ?? 0) + 1;
  return kappaOfTable(table);
}

/** What two reviewers' shared decisions add up to: additive, so articles can be counted apart and summed. */
export interface PairCells {
  reviewers: [string, string];
  edits: number;
  decisions: LabelTable;
  category: { compared: number; agreed: number };
  severity: { compared: number; agreed: number };
}

/** The shared decisions of every pair of reviewers (names in sorted order) who decided an edit in common. */
export function pairCells(decisions: readonly ReviewerDecision[]): PairCells[] {
  const byEdit = new Map<string, Map<string, ReviewerDecision>>();
  for (const decision of decisions) {
    const map = byEdit.get(decision.editId) ?? new Map<string, ReviewerDecision>();
    map.set(decision.reviewer, decision);
    byEdit.set(decision.editId, map);
  }
  const byPair = new Map<string, PairCells>();
  for (const map of byEdit.values()) {
    const names = [...map.keys()].sort();
    for (const [i, a] of names.entries()) {
      for (const b of names.slice(i + 1)) {
        const key = cell(a, b);
        const cells = byPair.get(key) ?? emptyCells(a, b);
        addShared(cells, map.get(a) as ReviewerDecision, map.get(b) as ReviewerDecision);
        byPair.set(key, cells);
      }
    }
  }
  return [...byPair.values()];
}

function emptyCells(a: string, b: string): PairCells {
  return {
    reviewers: [a, b],
    edits: 0,
    decisions: {},
    category: { compared: 0, agreed: 0 },
    severity: { compared: 0, agreed: 0 },
  };
}

function addShared(cells: PairCells, x: ReviewerDecision, y: ReviewerDecision): void {
  cells.edits++;
  const key = cell(x.decision, y.decision);
  cells.decisions[key] = (cells.decisions[key] ?? 0) + 1;
  for (const field of ['category', 'severity'] as const) {
    if (x[field] === null || y[field] === null) continue;
    cells[field].compared++;
    if (x[field] === y[field]) cells[field].agreed++;
  }
}

const field = ({ compared, agreed }: { compared: number; agreed: number }): FieldAgreement => ({
  compared,
  agreed,
  observed: compared > 0 ? agreed / compared : null,
});

/** The agreement of one pair from its cells, sorted pairs first by names. */
export function agreementOf(cells: PairCells): PairAgreement {
  const agreed = Object.entries(cells.decisions)
    .filter(([key]) => key.split('\u0000')[0] === key.split('\u0000')[1])
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    reviewers: cells.reviewers,
    edits: cells.edits,
    decision: field({ compared: cells.edits, agreed }),
    kappa: kappaOfTable(cells.decisions),
    category: field(cells.category),
    severity: field(cells.severity),
  };
}

/** Agreement of every pair of reviewers (names in sorted order) who decided at least one edit in common. */
export function reviewerAgreement(decisions: readonly ReviewerDecision[]): PairAgreement[] {
  return sortPairs(pairCells(decisions).map(agreementOf));
}

/** Pairs in the order of their names. */
export function sortPairs(pairs: PairAgreement[]): PairAgreement[] {
  return pairs.sort(
    (x, y) => x.reviewers[0].localeCompare(y.reviewers[0]) || x.reviewers[1].localeCompare(y.reviewers[1]),
  );
}
