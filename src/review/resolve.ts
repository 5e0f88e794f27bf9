// The step every export shares: which verdict stands for each edit, and the MT with those decisions applied.
import { amendedReplacement, applyVerdicts, type Decision, type UndecidedPolicy } from '../diff/index.ts';
import type { ArticleReview, StoredEdit, VerdictRecord } from './article-review.ts';
import { reviewProblems, UnresolvableReviewError } from './integrity.ts';

/** How the current edits stand: by their standing decision, or undecided. Stale edits are not counted. */
export interface DecisionCounts {
  accepted: number;
  rejected: number;
  amended: number;
  undecided: number;
}

/** A current edit with its standing verdict (null: undecided) and where its resolved text stands in `text`. */
export interface ResolvedEdit {
  edit: StoredEdit;
  verdict: VerdictRecord | null;
  /** Offsets into `Resolution.text` of what this edit left there (the correction, the amendment, or the MT). */
  start: number;
  end: number;
}

/** The review resolved: the corrected text as the verdicts stand, and how each edit got there. */
export interface Resolution {
  text: string;
  policy: UndecidedPolicy;
  counts: DecisionCounts;
  /** Current edits in MT order. */
  edits: ResolvedEdit[];
  /** Edits whose text the post-edit no longer produces: kept with their verdicts, never applied. */
  stale: StoredEdit[];
  /** The standing verdict of every edit that has one, stale edits included. */
  standing: ReadonlyMap<string, VerdictRecord>;
}

/**
 * The standing verdict of each edit: the most recent one on that edit across all reviewers. Verdicts are appended,
 * never overwritten, so the latest word on an edit is the decision, whoever gave it; "most recent" is by
 * `createdAt`, and verdicts recorded at the same instant (or with an unreadable time) go by history order
 * (`id`, then position), which is the order the store appended them in.
 */
export function standingVerdicts(verdicts: readonly VerdictRecord[]): Map<string, VerdictRecord> {
  const ordered = verdicts
    .map((verdict, position) => ({ verdict, position, time: Date.parse(verdict.createdAt) }))
    .sort(
      (a, b) =>
        (Number.isNaN(a.time) || Number.isNaN(b.time) ? 0 : a.time - b.time) ||
        a.verdict.id - b.verdict.id ||
        a.position - b.position,
    );
  const standing = new Map<string, VerdictRecord>();
  for (const { verdict } of ordered) standing.set(verdict.editId, verdict);
  return standing;
}

/** The decision a verdict means for the text. An amend without text keeps the correction: the MT was wrong. */
export function decisionOf(verdict: VerdictRecord, edit: Pick<StoredEdit, 'correctedText'>): Decision {
  if (verdict.decision === 'amend')
    return { decision: 'amend', amendedText: verdict.amendedText ?? edit.correctedText };
  return { decision: verdict.decision };
}

/** True for a check's suggestion on an article that has a post-edit: the post-edit, not the check, is the default. */
function isProposalOnly(review: ArticleReview, edit: StoredEdit): boolean {
  return review.corrected !== null && edit.origin.startsWith('check:');
}

/** Resolves a review: standing verdicts applied to the MT with `applyVerdicts`, stale edits left out. */
export function resolveReview(review: ArticleReview, policy: UndecidedPolicy = 'keep-correction'): Resolution {
  const problems = reviewProblems(review);
  if (problems.length > 0) throw new UnresolvableReviewError(review.id, problems);
  const standing = standingVerdicts(review.verdicts);
  const current = review.edits.filter((edit) => edit.status === 'current');
  const decisions = new Map<string, Decision>();
  for (const edit of current) {
    const verdict = standing.get(edit.id);
    if (verdict) decisions.set(edit.id, decisionOf(verdict, edit));
  }
  // A check's extra suggestion next to a post-edit only proposes: until someone accepts it, the MT stands.
  const applied = new Map(decisions);
  for (const edit of current) {
    if (!applied.has(edit.id) && isProposalOnly(review, edit)) applied.set(edit.id, { decision: 'reject' });
  }
  const text = applyVerdicts(review.mt, current, applied, policy);
  const counts: DecisionCounts = { accepted: 0, rejected: 0, amended: 0, undecided: 0 };
  const edits: ResolvedEdit[] = [];
  let shift = 0;
  for (const edit of current) {
    const decision = decisions.get(edit.id);
    const length = replacementOf(review.mt, edit, applied.get(edit.id), policy).length;
    const start = edit.mtStart + shift;
    edits.push({ edit, verdict: standing.get(edit.id) ?? null, start, end: start + length });
    shift += length - (edit.mtEnd - edit.mtStart);
    counts[countKey(decision)]++;
  }
  if (review.mt.length + shift !== text.length) {
    throw new Error(`resolving ${review.id}: edit spans disagree with the applied text (an engine changed)`);
  }
  const stale = review.edits.filter((edit) => edit.status === 'stale');
  return { text, policy, counts, edits, stale, standing };
}

/** What `applyVerdicts` puts in place of one edit; kept next to it here so that spans can be tracked. */
function replacementOf(mt: string, edit: StoredEdit, decision: Decision | undefined, policy: UndecidedPolicy): string {
  if (!decision) return policy === 'keep-correction' ? edit.correctedText : mt.slice(edit.mtStart, edit.mtEnd);
  if (decision.decision === 'accept') return edit.correctedText;
  if (decision.decision === 'amend')
    return amendedReplacement(mt.slice(edit.mtStart, edit.mtEnd), decision.amendedText);
  return mt.slice(edit.mtStart, edit.mtEnd);
}

function countKey(decision: Decision | undefined): keyof DecisionCounts {
  if (!decision) return 'undecided';
  return decision.decision === 'accept' ? 'accepted' : decision.decision === 'reject' ? 'rejected' : 'amended';
}
