// Per-reviewer statistics (pure), from the store's aggregates: verdicts, agreement with the outcome, kappa, time.
import { agreementOf, type PairAgreement, type PairCells, sortPairs } from '../metrics/agreement.ts';
import type { ReviewerArticleSpan, ReviewerOutcomeCount, ReviewerPairCount } from '../store/reviewer-figures.ts';

/** What the figures are computed from: the store's grouped rows (store/reviewer-figures.ts) and reviewers' names. */
export interface ReviewerFiguresInput {
  reviewers: readonly { id: number; name: string; role: string }[];
  spans: readonly ReviewerArticleSpan[];
  outcomes: readonly ReviewerOutcomeCount[];
  pairs: readonly ReviewerPairCount[];
}

/** How a reviewer's current verdicts on current edits stand against the edits' outcomes. */
export interface OutcomeTally {
  /** On agreed edits: everyone who decided the edit decided as they did. */
  agreed: number;
  /** On adjudicated edits where the lead's decision (and for amend the text) was theirs: an adjudication won. */
  upheld: number;
  /** On adjudicated edits where the lead decided otherwise: an adjudication lost. */
  overruled: number;
  /** On disputed edits: nothing stands yet, so these are left out of the agreement. */
  disputed: number;
}

/** One reviewer's figures. */
export interface ReviewerFigures {
  reviewer: string;
  role: string;
  /** Verdicts given (whole history, retracted ones too). */
  verdicts: number;
  /** Adjudications given (as a lead). */
  adjudications: number;
  /** Articles they gave verdicts on. */
  articles: number;
  /** Their current verdicts on current edits, by the edit's outcome. */
  outcomes: OutcomeTally;
  /**
   * Agreement with the final outcome: how often their current verdict is the one that stood, over the edits whose
   * outcome is agreed or adjudicated (disputed ones are not counted: nothing stands yet). Null when none.
   */
  agreement: { stood: number; counted: number; share: number | null };
  /** Time to review an article: first to last of their verdicts on it, the median over their articles (seconds). */
  reviewTime: { articles: number; medianSeconds: number | null };
}

/** One reviewer's work on one article: verdicts, and the time from their first to their last (seconds). */
export interface ArticleReviewerTime {
  reviewer: string;
  verdicts: number;
  adjudications: number;
  firstAt: string | null;
  lastAt: string | null;
  seconds: number | null;
}

/** Every reviewer's figures (by name), the agreement of every pair, and each article's reviewers with their time. */
export interface ReviewerStatistics {
  reviewers: ReviewerFigures[];
  pairs: PairAgreement[];
  /** By article id: who worked on it, by name. */
  byArticle: Map<string, ArticleReviewerTime[]>;
}

/** The median of some numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const secondsBetween = (first: string | null, last: string | null) =>
  first === null || last === null ? null : (Date.parse(last) - Date.parse(first)) / 1000;

function emptyFigures(reviewer: string, role: string): ReviewerFigures {
  return {
    reviewer,
    role,
    verdicts: 0,
    adjudications: 0,
    articles: 0,
    outcomes: { agreed: 0, upheld: 0, overruled: 0, disputed: 0 },
    agreement: { stood: 0, counted: 0, share: null },
    reviewTime: { articles: 0, medianSeconds: null },
  };
}

/** The per-reviewer statistics from the store's aggregates. Reviewers who did nothing are left out. */
export function reviewerStatistics(input: ReviewerFiguresInput): ReviewerStatistics {
  const accounts = new Map(input.reviewers.map((r) => [r.id, r]));
  const nameOf = (id: number) => accounts.get(id)?.name ?? `#${id}`;
  const figures = new Map<number, ReviewerFigures>();
  const figuresOf = (id: number) => {
    const f = figures.get(id) ?? emptyFigures(nameOf(id), accounts.get(id)?.role ?? 'reviewer');
    figures.set(id, f);
    return f;
  };
  const durations = new Map<number, number[]>();
  const byArticle = new Map<string, ArticleReviewerTime[]>();
  for (const span of input.spans) {
    const f = figuresOf(span.reviewerId);
    f.verdicts += span.verdicts;
    f.adjudications += span.adjudications;
    const seconds = secondsBetween(span.firstAt, span.lastAt);
    if (span.verdicts > 0) f.articles++;
    if (seconds !== null) {
      const times = durations.get(span.reviewerId) ?? [];
      times.push(seconds);
      durations.set(span.reviewerId, times);
    }
    const list = byArticle.get(span.articleId) ?? [];
    list.push({ reviewer: f.reviewer, ...pick(span), seconds });
    byArticle.set(span.articleId, list);
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.reviewer.localeCompare(b.reviewer));
  for (const row of input.outcomes) tally(figuresOf(row.reviewerId).outcomes, row);
  for (const [id, f] of figures) {
    const { agreed, upheld, overruled } = f.outcomes;
    const counted = agreed + upheld + overruled;
    f.agreement = { stood: agreed + upheld, counted, share: counted > 0 ? (agreed + upheld) / counted : null };
    const times = durations.get(id) ?? [];
    f.reviewTime = { articles: times.length, medianSeconds: median(times) };
  }
  const reviewers = [...figures.values()].sort((a, b) => a.reviewer.localeCompare(b.reviewer));
  return { reviewers, pairs: pairAgreement(input.pairs, nameOf), byArticle };
}

function pick({ verdicts, adjudications, firstAt, lastAt }: ReviewerArticleSpan) {
  return { verdicts, adjudications, firstAt, lastAt };
}

function tally(outcomes: OutcomeTally, row: ReviewerOutcomeCount): void {
  if (row.state === 'agreed') outcomes.agreed += row.n;
  else if (row.state === 'disputed') outcomes.disputed += row.n;
  else if (row.state === 'adjudicated') outcomes[row.upheld === 1 ? 'upheld' : 'overruled'] += row.n;
  // An undecided edit has no verdict standing: a row for one would be a kept state behind its verdicts; none counts.
}

/**
 * Cohen's kappa and observed agreement per pair (metrics/agreement.ts), from the counted pairs of decisions. The
 * pair is named in sorted order (as the statistics page names it), its cells turned round when the ids were not.
 */
export function pairAgreement(rows: readonly ReviewerPairCount[], nameOf: (id: number) => string): PairAgreement[] {
  const byPair = new Map<string, PairCells>();
  for (const row of rows) {
    const [nameA, nameB] = [nameOf(row.a), nameOf(row.b)];
    const swap = nameB < nameA;
    const names: [string, string] = swap ? [nameB, nameA] : [nameA, nameB];
    const key = names.join('\u0000');
    const cells = byPair.get(key) ?? {
      reviewers: names,
      edits: 0,
      decisions: {},
      category: { compared: 0, agreed: 0 },
      severity: { compared: 0, agreed: 0 },
    };
    const cell = swap ? `${row.decisionB}\u0000${row.decisionA}` : `${row.decisionA}\u0000${row.decisionB}`;
    cells.edits += row.n;
    cells.decisions[cell] = (cells.decisions[cell] ?? 0) + row.n;
    cells.category.compared += row.categoryCompared;
    cells.category.agreed += row.categoryAgreed;
    cells.severity.compared += row.severityCompared;
    cells.severity.agreed += row.severityAgreed;
    byPair.set(key, cells);
  }
  return sortPairs([...byPair.values()].map(agreementOf));
}
