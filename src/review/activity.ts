// Per-reviewer counts of a verdict history (pure): what the store counts in SQL, for reviews built in memory.
import type { ReviewerActivity, VerdictRecord } from './article-review.ts';

/** Each reviewer's verdicts, decisions, distinct edits and first and last time, sorted by reviewer name. */
export function activityOf(history: readonly VerdictRecord[]): ReviewerActivity[] {
  const byName = new Map<string, { activity: ReviewerActivity; editIds: Set<string> }>();
  for (const verdict of history) {
    const at = verdict.createdAt;
    let entry = byName.get(verdict.reviewer);
    if (!entry) {
      const activity = { reviewer: verdict.reviewer, verdicts: 0, edits: 0, accept: 0, reject: 0, amend: 0 };
      entry = { activity: { ...activity, firstAt: at, lastAt: at }, editIds: new Set() };
      byName.set(verdict.reviewer, entry);
    }
    const { activity, editIds } = entry;
    activity.verdicts++;
    activity[verdict.decision]++;
    editIds.add(verdict.editId);
    activity.edits = editIds.size;
    if (at < activity.firstAt) activity.firstAt = at;
    if (at > activity.lastAt) activity.lastAt = at;
  }
  return [...byName.values()]
    .map((entry) => entry.activity)
    .sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0));
}
