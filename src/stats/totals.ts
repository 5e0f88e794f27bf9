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

/**
 * What of a part is read at every start, whatever the checkpoint: the numbers listed per article, and its accepted
 * corrections (their totals grow with the corpus, so a checkpoint does not hold them: they are summed at start).
 */
export type ListedPart = Pick<ArticlePart, 'stats' | 'published' | 'accepted'>;

/**
 * The totals a checkpoint of the statistics holds: those of a bounded size (corpus sums; per reviewer, pair and check)
 * whose parts are kilobytes an article, so that a start reads each article's listed part only.
 */
export interface CheckpointTotals {
  sums: CorpusSums;
  reviewers: ReviewerStats[];
  pairs: PairCells[];
  checks: CheckStats[];
}

/** Totals of the corpus and of everything per reviewer, reviewer pair, check and correction. */
export class StatsTotals {
  private sums: CorpusSums = emptySums();
  private readonly reviewers = new Map<string, ReviewerStats>();
  private readonly pairs = new Map<string, PairCells>();
  private readonly checks = new Map<string, CheckStats>();
  private readonly corrections = new RecurringIndex();

  /** Adds an article's part (sign 1) or takes it back (sign -1); entries that fall to zero disappear. */
  apply(part: ArticlePart, sign: 1 | -1): void {
    this.applyCorrections(part, sign);
    this.applyCheckpointed(part, sign);
  }

  /** Adds (sign 1) or takes back (sign -1) a part's accepted corrections only: what a checkpoint does not hold. */
  applyCorrections(part: Pick<ListedPart, 'stats' | 'accepted'>, sign: 1 | -1): void {
    for (const c of part.accepted) this.corrections.apply(part.stats.id, c, sign);
  }

  /** The totals a checkpoint holds, as they stand (a copy: later changes do not reach it). */
  checkpointTotals(): CheckpointTotals {
    return structuredClone({
      sums: this.sums,
      reviewers: [...this.reviewers.values()],
      pairs: [...this.pairs.values()],
      checks: [...this.checks.values()],
    });
  }

  /** Takes the totals a checkpoint holds from it; the corrections (summed from the listed parts) are left as they are. */
  restoreCheckpointTotals(totals: CheckpointTotals): void {
    this.sums = totals.sums;
    this.reviewers.clear();
    this.pairs.clear();
    this.checks.clear();
    for (const r of totals.reviewers) this.reviewers.set(r.reviewer, r);
    for (const cells of totals.pairs) this.pairs.set(pairKey(cells), cells);
    for (const c of totals.checks) this.checks.set(c.check, c);
  }

  private applyCheckpointed(part: ArticlePart, sign: 1 | -1): void {
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
