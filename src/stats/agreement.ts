// Per reviewer (pure): verdicts given, and agreement (Cohen's kappa on the decision, observed on category, severity).
import { standingVerdicts } from '../export/resolve.ts';
import type { ArticleReview, VerdictRecord } from '../export/types.ts';

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

/** Verdicts given per reviewer, over the whole history, sorted by name. */
export function reviewerStats(reviews: readonly ArticleReview[]): ReviewerStats[] {
  const byName = new Map<string, ReviewerStats & { editIds: Set<string> }>();
  for (const verdict of reviews.flatMap((review) => review.verdicts)) {
    const stats = byName.get(verdict.reviewer) ?? {
      ...{ reviewer: verdict.reviewer, verdicts: 0, edits: 0, accept: 0, reject: 0, amend: 0 },
      editIds: new Set<string>(),
    };
    stats.verdicts++;
    stats[verdict.decision]++;
    stats.editIds.add(verdict.editId);
    stats.edits = stats.editIds.size;
    byName.set(verdict.reviewer, stats);
  }
  return [...byName.values()]
    .map(({ editIds: _, ...stats }) => stats)
    .sort((a, b) => a.reviewer.localeCompare(b.reviewer));
}

/** Each reviewer's current verdict per edit (the latest they gave), from a verdict history. */
export function currentPerReviewer(verdicts: readonly VerdictRecord[]): ReviewerDecision[] {
  const byReviewer = new Map<string, VerdictRecord[]>();
  for (const verdict of verdicts) {
    const list = byReviewer.get(verdict.reviewer) ?? [];
    list.push(verdict);
    byReviewer.set(verdict.reviewer, list);
  }
  return [...byReviewer.values()].flatMap((list) =>
    [...standingVerdicts(list).values()].map(({ editId, reviewer, decision, category, severity }) => ({
      editId,
      reviewer,
      decision,
      category,
      severity,
    })),
  );
}

/** Cohen's kappa of two raters' labels, given as pairs (rater A's label, rater B's label). */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  let chance = 0;
  for (const [label, countA] of countsA) chance += (countA / n) * ((countsB.get(label) ?? 0) / n);
  if (chance >= 1) return null;
  return (agreed / n - chance) / (1 - chance);
}

/** Observed agreement over the pairs where both values are present. */
export function observedAgreement(pairs: readonly (readonly [string | null, string | null])[]): FieldAgreement {
  const present = pairs.filter(([a, b]) => a !== null && b !== null);
  const agreed = present.filter(([a, b]) => a === b).length;
  return { compared: present.length, agreed, observed: present.length > 0 ? agreed / present.length : null };
}

/** Agreement of every pair of reviewers (names in sorted order) who decided at least one edit in common. */
export function reviewerAgreement(decisions: readonly ReviewerDecision[]): PairAgreement[] {
  const byEdit = new Map<string, Map<string, ReviewerDecision>>();
  for (const decision of decisions) {
    const map = byEdit.get(decision.editId) ?? new Map<string, ReviewerDecision>();
    map.set(decision.reviewer, decision);
    byEdit.set(decision.editId, map);
  }
  const reviewers = [...new Set(decisions.map((d) => d.reviewer))].sort();
  const result: PairAgreement[] = [];
  for (const [i, a] of reviewers.entries()) {
    for (const b of reviewers.slice(i + 1)) {
      const shared: [ReviewerDecision, ReviewerDecision][] = [];
      for (const map of byEdit.values()) {
        const da = map.get(a);
        const db = map.get(b);
        if (da && db) shared.push([da, db]);
      }
      if (shared.length > 0) result.push(pairAgreement(a, b, shared));
    }
  }
  return result;
}

function pairAgreement(a: string, b: string, shared: [ReviewerDecision, ReviewerDecision][]): PairAgreement {
  const decisions = shared.map(([x, y]) => [x.decision, y.decision] as const);
  return {
    reviewers: [a, b],
    edits: shared.length,
    decision: observedAgreement(decisions),
    kappa: cohensKappa(decisions),
    category: observedAgreement(shared.map(([x, y]) => [x.category, y.category] as const)),
    severity: observedAgreement(shared.map(([x, y]) => [x.severity, y.severity] as const)),
  };
}
