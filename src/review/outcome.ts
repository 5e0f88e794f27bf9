// What stands for an edit when several reviewers decided it (pure): undecided, agreed, disputed or adjudicated.
import type { VerdictRecord } from './article-review.ts';
import type { Severity } from './taxonomy.ts';

/** How an edit stands: nobody decided it; everyone who did agrees; they differ; or a lead's final word stands. */
export type OutcomeState = 'undecided' | 'agreed' | 'disputed' | 'adjudicated';

/** The outcome states, in the order lists and legends show them. */
export const outcomeStates: readonly OutcomeState[] = ['undecided', 'agreed', 'disputed', 'adjudicated'];

/**
 * An edit's outcome. For `agreed` and `adjudicated` it carries the decision that stands (and, for amend, the text);
 * `undecided` and `disputed` carry none: for the text they are undecided, and the export policy applies.
 */
export interface Outcome {
  state: OutcomeState;
  decision: VerdictRecord['decision'] | null;
  amendedText: string | null;
  category: string | null;
  severity: Severity | null;
  /** Who made it: the reviewers who agree, or the lead who adjudicated (empty while undecided). */
  by: string[];
  /** When it came to stand: the latest of the agreeing verdicts, or the adjudication. */
  at: string | null;
  /** The lead's note on an adjudication; the agreeing reviewers' notes, joined by ` | `, on an agreement. */
  note: string | null;
}

const undecided: Outcome = {
  state: 'undecided',
  decision: null,
  amendedText: null,
  category: null,
  severity: null,
  by: [],
  at: null,
  note: null,
};

/** What two verdicts must share to agree: the decision, and for an amendment the text (its edges' spaces aside). */
export function sameDecision(a: VerdictRecord, b: VerdictRecord): boolean {
  if (a.decision !== b.decision) return false;
  return a.decision !== 'amend' || (a.amendedText ?? '').trim() === (b.amendedText ?? '').trim();
}

const byTime = (a: VerdictRecord, b: VerdictRecord) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;

/**
 * The outcome of one edit from each reviewer's current verdict on it (one per reviewer) and the current
 * adjudication, if any: a lead's adjudication stands whatever the others said; otherwise the reviewers who decided
 * it agree (same decision, and for amend the same text) or dispute it. The order of `current` does not matter.
 */
export function outcomeOf(current: readonly VerdictRecord[], adjudication?: VerdictRecord | null): Outcome {
  if (adjudication) {
    return {
      state: 'adjudicated',
      decision: adjudication.decision,
      amendedText: adjudication.decision === 'amend' ? adjudication.amendedText : null,
      category: adjudication.category,
      severity: adjudication.severity,
      by: [adjudication.reviewer],
      at: adjudication.createdAt,
      note: adjudication.note,
    };
  }
  if (current.length === 0) return undecided;
  const ordered = [...current].sort(byTime);
  const latest = ordered.at(-1) as VerdictRecord;
  const by = ordered.map((v) => v.reviewer);
  if (!ordered.every((v) => sameDecision(v, latest))) {
    return { ...undecided, state: 'disputed', by, at: latest.createdAt };
  }
  return {
    state: 'agreed',
    decision: latest.decision,
    amendedText: latest.decision === 'amend' ? latest.amendedText : null,
    // Agreeing is about the decision; the labels of the latest verdict stand (a later reviewer refines them).
    category: latest.category,
    severity: latest.severity,
    by,
    at: latest.createdAt,
    note: ordered.flatMap((v) => (v.note ? [v.note] : [])).join(' | ') || null,
  };
}

/** Each reviewer's current verdict per edit and each edit's current adjudication, from verdicts in any order. */
export interface CurrentDecisions {
  /** By edit: the latest verdict of each reviewer who has one standing, oldest first. */
  verdicts: Map<string, VerdictRecord[]>;
  /** By edit: the latest adjudication standing. */
  adjudications: Map<string, VerdictRecord>;
}

/**
 * What counts of a list of verdicts (the current ones or the whole history): retracted ones drop out; of the rest,
 * each reviewer's latest on an edit and each edit's latest adjudication stand. "Latest" is by time, then by id
 * (the order the store appended them in).
 */
export function currentDecisions(verdicts: readonly VerdictRecord[]): CurrentDecisions {
  const latest = new Map<string, VerdictRecord>();
  const adjudications = new Map<string, VerdictRecord>();
  for (const verdict of [...verdicts].sort(byTime)) {
    if (verdict.retractedAt) continue;
    if (verdict.kind === 'adjudication') adjudications.set(verdict.editId, verdict);
    else latest.set(`${verdict.editId}\u0000${verdict.reviewer}`, verdict);
  }
  const byEdit = new Map<string, VerdictRecord[]>();
  for (const verdict of [...latest.values()].sort(byTime)) {
    const list = byEdit.get(verdict.editId) ?? [];
    list.push(verdict);
    byEdit.set(verdict.editId, list);
  }
  return { verdicts: byEdit, adjudications };
}

/** The outcome of every edit that has a verdict or an adjudication standing; the others are undecided. */
export function outcomesOf(verdicts: readonly VerdictRecord[]): Map<string, Outcome> {
  const current = currentDecisions(verdicts);
  const outcomes = new Map<string, Outcome>();
  const edits = new Set([...current.verdicts.keys(), ...current.adjudications.keys()]);
  for (const editId of edits) {
    outcomes.set(editId, outcomeOf(current.verdicts.get(editId) ?? [], current.adjudications.get(editId)));
  }
  return outcomes;
}

/** The outcome of an edit nobody decided. */
export const undecidedOutcome: Outcome = undecided;
