// Running totals of every additive part of the statistics: parts go in with +1 and out with -1, in any order.

import { agreementOf, type PairCells, type ReviewerStats, sortPairs } from '../metrics/agreement.ts';
import { type ScoringModel, scoringModels } from '../metrics/mqm-models.ts';
import type { ArticleStats, NeedsAttention, Statistics } from './aggregate.ts';
import { addToSums, type CorpusSums, corpusFromSums, emptySums } from './corpus-sums.ts';
import { type CheckStats, withPrecision } from './corrections.ts';
import { RecurringIndex } from './recurring-index.ts';
import type { ArticlePart } from './statistics.ts';

const pairKey = (cells: PairCells) => `${cells.reviewers[0]}\u0000${cells.reviewers[1]}`;

/** Adds `sign * from[key]` into `into[key]` for the listed numeric keys. */
function addFields<T>(into: T, from: T, keys: readonly (keyof T)[], sign: number): void {
  for (const key of keys) (into[key] as number) += sign * (from[key] as number);
}

/** Totals of the corpus and of everything per reviewer, reviewer pair, check and correction. */
export class StatsTotals {
  private readonly sums: CorpusSums = emptySums();
  private readonly reviewers = new Map<string, ReviewerStats>();
  private readonly pairs = new Map<string, PairCells>();
  private readonly checks = new Map<string, CheckStats>();
  private readonly corrections = new RecurringIndex();

  /** Adds an article's part (sign 1) or takes it back (sign -1); entries that fall to zero disappear. */
  apply(part: ArticlePart, sign: 1 | -1): void {
    addToSums(this.sums, part.stats, sign);
    for (const r of part.reviewers) {
      const total = this.reviewers.get(r.reviewer) ?? {
        reviewer: r.reviewer,
        verdicts: 0,
        edits: 0,
        accept: 0,
        reject: 0,
        amend: 0,
      };
      addFields(total, r, ['verdicts', 'edits', 'accept', 'reject', 'amend'], sign);
      if (total.verdicts === 0) this.reviewers.delete(r.reviewer);
      else this.reviewers.set(r.reviewer, total);
    }
    for (const cells of part.pairs) this.applyPair(cells, sign);
    for (const c of part.checks) {
      const total = this.checks.get(c.check) ?? { ...c, edits: 0, accepted: 0, amended: 0, rejected: 0, undecided: 0 };
      addFields(total, c, ['edits', 'accepted', 'amended', 'rejected', 'undecided'], sign);
      if (total.edits === 0) this.checks.delete(c.check);
      else this.checks.set(c.check, total);
    }
    for (const c of part.accepted) this.corrections.apply(part.stats.id, c, sign);
  }

  private applyPair(cells: PairCells, sign: 1 | -1): void {
    const key = pairKey(cells);
    const total = this.pairs.get(key) ?? {
      reviewers: cells.reviewers,
      edits: 0,
      decisions: {},
      category: { compared: 0, agreed: 0 },
      severity: { compared: 0, agreed: 0 },
    };
    total.edits += sign * cells.edits;
    for (const [label, count] of Object.entries(cells.decisions)) {
      const next = (total.decisions[label] ?? 0) + sign * count;
      if (next === 0) delete total.decisions[label];
      else total.decisions[label] = next;
    }
    addFields(total.category, cells.category, ['compared', 'agreed'], sign);
    addFields(total.severity, cells.severity, ['compared', 'agreed'], sign);
    if (total.edits === 0) this.pairs.delete(key);
    else this.pairs.set(key, total);
  }

  /** The statistics as the totals stand, with `articles` (the parts' article numbers) in the order to show. */
  statistics(
    articles: ArticleStats[],
    models: readonly ScoringModel[] = scoringModels,
    attention: NeedsAttention[] = [],
  ): Statistics {
    return {
      models: models.map(({ id, label, higherIsBetter }) => ({ id, label, higherIsBetter })),
      corpus: corpusFromSums(this.sums, models),
      articles,
      reviewers: [...this.reviewers.values()]
        .map((r) => ({ ...r }))
        .sort((a, b) => a.reviewer.localeCompare(b.reviewer)),
      agreement: sortPairs([...this.pairs.values()].map(agreementOf)),
      checks: [...this.checks.values()].map(withPrecision).sort((a, b) => a.check.localeCompare(b.check)),
      recurring: this.corrections.recurring(),
      attention,
    };
  }
}
