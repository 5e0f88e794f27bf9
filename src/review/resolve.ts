// The step every export shares: the outcome of each edit, and the MT with the decisions that stand applied.
import { amendedReplacement, applyVerdicts, type Decision, type UndecidedPolicy } from '../diff/index.ts';
import type { ArticleReview, StoredEdit } from './article-review.ts';
import { reviewProblems, UnresolvableReviewError } from './integrity.ts';
import { type Outcome, outcomesOf, undecidedOutcome } from './outcome.ts';

/**
 * How the current edits stand, by outcome: accepted, rejected and amended (agreed or adjudicated), disputed, and
 * undecided (nobody decided). Disputed and undecided edits follow the undecided policy in the text. Stale edits are
 * not counted.
 */
export interface DecisionCounts {
  accepted: number;
  rejected: number;
  amended: number;
  disputed: number;
  undecided: number;
}

/** A current edit with its outcome and where its resolved text stands in `text`. */
export interface ResolvedEdit {
  edit: StoredEdit;
  outcome: Outcome;
  /** Offsets into `Resolution.text` of what this edit left there (the correction, the amendment, or the MT). */
  start: number;
  end: number;
}

/** The review resolved: the corrected text as the outcomes stand, and how each edit got there. */
export interface Resolution {
  text: string;
  policy: UndecidedPolicy;
  counts: DecisionCounts;
  /** Current edits in MT order. */
  edits: ResolvedEdit[];
  /** Edits whose text the post-edit no longer produces: kept with their verdicts, never applied. */
  stale: StoredEdit[];
  /** The outcome of every edit someone decided, stale edits included; the others are undecided. */
  outcomes: ReadonlyMap<string, Outcome>;
}

/** True when the outcome settles the text: agreed or adjudicated. */
export function settles(outcome: Outcome): boolean {
  return outcome.state === 'agreed' || outcome.state === 'adjudicated';
}

/** The decision that stands for an edit (agreed or adjudicated), or undefined while undecided or disputed. */
export function standingDecision(outcome: Outcome): Outcome['decision'] | undefined {
  return settles(outcome) ? (outcome.decision ?? undefined) : undefined;
}

/** The decision an outcome means for the text, or undefined when it settles nothing (undecided, disputed). */
export function decisionOf(outcome: Outcome, edit: Pick<StoredEdit, 'correctedText'>): Decision | undefined {
  if (!settles(outcome) || outcome.decision === null) return undefined;
  // An amend without text keeps the correction: the MT was wrong.
  if (outcome.decision === 'amend')
    return { decision: 'amend', amendedText: outcome.amendedText ?? edit.correctedText };
  return { decision: outcome.decision };
}

/** True for a check's suggestion on an article that has a post-edit: the post-edit, not the check, is the default. */
function isProposalOnly(review: ArticleReview, edit: StoredEdit): boolean {
  return review.corrected !== null && edit.origin.startsWith('check:');
}

/** Resolves a review: the settled outcomes applied to the MT with `applyVerdicts`, stale edits left out. */
export function resolveReview(review: ArticleReview, policy: UndecidedPolicy = 'keep-correction'): Resolution {
  const problems = reviewProblems(review);
  if (problems.length > 0) throw new UnresolvableReviewError(review.id, problems);
  const outcomes = outcomesOf(review.verdicts);
  const current = review.edits.filter((edit) => edit.status === 'current');
  const decisions = new Map<string, Decision>();
  for (const edit of current) {
    const outcome = outcomes.get(edit.id);
    const decision = outcome && decisionOf(outcome, edit);
    if (decision) decisions.set(edit.id, decision);
  }
  // A check's extra suggestion next to a post-edit only proposes: until its outcome says otherwise, the MT stands.
  const applied = new Map(decisions);
  for (const edit of current) {
    if (!applied.has(edit.id) && isProposalOnly(review, edit)) applied.set(edit.id, { decision: 'reject' });
  }
  const text = applyVerdicts(review.mt, current, applied, policy);
  const counts: DecisionCounts = { accepted: 0, rejected: 0, amended: 0, disputed: 0, undecided: 0 };
  const edits: ResolvedEdit[] = [];
  let shift = 0;
  for (const edit of current) {
    const outcome = outcomes.get(edit.id) ?? undecidedOutcome;
    const length = replacementOf(review.mt, edit, applied.get(edit.id), policy).length;
    const start = edit.mtStart + shift;
    edits.push({ edit, outcome, start, end: start + length });
    shift += length - (edit.mtEnd - edit.mtStart);
    counts[countKey(outcome, decisions.get(edit.id))]++;
  }
  if (review.mt.length + shift !== text.length) {
    throw new Error(`resolving ${review.id}: edit spans disagree with the applied text (an engine changed)`);
  }
  const stale = review.edits.filter((edit) => edit.status === 'stale');
  return { text, policy, counts, edits, stale, outcomes };
}

/** What `applyVerdicts` puts in place of one edit; kept next to it here so that spans can be tracked. */
function replacementOf(mt: string, edit: StoredEdit, decision: Decision | undefined, policy: UndecidedPolicy): string {
  if (!decision) return policy === 'keep-correction' ? edit.correctedText : mt.slice(edit.mtStart, edit.mtEnd);
  if (decision.decision === 'accept') return edit.correctedText;
  if (decision.decision === 'amend')
    return amendedReplacement(mt.slice(edit.mtStart, edit.mtEnd), decision.amendedText);
  return mt.slice(edit.mtStart, edit.mtEnd);
}

function countKey(outcome: Outcome, decision: Decision | undefined): keyof DecisionCounts {
  if (outcome.state === 'disputed') return 'disputed';
  if (!decision) return 'undecided';
  return decision.decision === 'accept' ? 'accepted' : decision.decision === 'reject' ? 'rejected' : 'amended';
}
