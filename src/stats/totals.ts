// Running totals of every additive part of the statistics: parts go in with +1 and out with -1, in any order.

import { agreementOf, type PairCells, type ReviewerStats, sortPairs } from '../metrics/agreement.ts';
import { type ScoringModel, scoringModels } from '../metrics/mqm-models.ts';
import type { ArticleStats, NeedsAttention, Statistics } from './aggregate.ts';
import { addToSums, type CorpusSums, corpusFromSums, emptySums } from './corpus-sums.ts';
import { type AcceptedCorrection, type CheckStats, type RecurringCorrection, withPrecision } from './corrections.ts';
import type { ArticlePart } from './statistics.ts';

/** Accepted corrections by (MT text, correction): how often in each article. */
type Corrections = Map<string, { mtText: string; correctedText: string; byArticle: Map<string, number> }>;

const pairKey = (cells: PairCells) => `${cells.reviewers[0]}\u0000${cells.reviewers[1]}`;
const correctionKey = (c: { mtText: string; correctedText: string }) => `${c.mtText}\u0000${c.correctedText}`;

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
  private readonly corrections: Corrections = new Map();
  /** Keys of the corrections accepted in two or more articles: kept as parts come and go, so reading is cheap. */
  private readonly recurringKeys = new Set<string>();

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
    for (const c of part.accepted) this.applyCorrection(part.stats.id, c, sign);
  }

  private applyCorrection(article: string, c: AcceptedCorrection, sign: 1 | -1): void {
    const key = correctionKey(c);
    const entry = this.corrections.get(key) ?? {
      mtText: c.mtText,
      correctedText: c.correctedText,
      byArticle: new Map(),
    };
    const count = (entry.byArticle.get(article) ?? 0) + sign * c.count;
    if (count === 0) entry.byArticle.delete(article);
    else entry.byArticle.set(article, count);
    if (entry.byArticle.size === 0) this.corrections.delete(key);
    else this.corrections.set(key, entry);
    if (entry.byArticle.size >= 2) this.recurringKeys.add(key);
    else this.recurringKeys.delete(key);
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
      recurring: recurring(this.corrections, this.recurringKeys),
      attention,
    };
  }
}

function recurring(corrections: Corrections, keys: ReadonlySet<string>): RecurringCorrection[] {
  const result: RecurringCorrection[] = [];
  for (const key of keys) {
    const { mtText, correctedText, byArticle } = corrections.get(key) as NonNullable<ReturnType<Corrections['get']>>;
    let count = 0;
    for (const n of byArticle.values()) count += n;
    result.push({ mtText, correctedText, count, articles: [...byArticle.keys()].sort() });
  }
  // Plain code-unit order on ties: localeCompare costs a microsecond a call, too much for thousands of entries.
  return result.sort((a, b) => b.count - a.count || (a.mtText < b.mtText ? -1 : a.mtText > b.mtText ? 1 : 0));
}
