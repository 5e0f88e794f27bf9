// Per check precision and accepted corrections (pure): one article's counts, which add up over the corpus.
import { type Resolution, standingDecision } from '../review/resolve.ts';

/** How often a check's edits were taken: precision = (accept + amend) / decided. */
export interface CheckStats {
  check: string;
  edits: number;
  accepted: number;
  amended: number;
  rejected: number;
  undecided: number;
  precision: number | null;
}

/** The same MT text corrected to the same text, accepted, in two or more articles. */
export interface RecurringCorrection {
  mtText: string;
  correctedText: string;
  count: number;
  articles: string[];
}

/** One article's accepted corrections, counted by (MT text, correction). */
export interface AcceptedCorrection {
  mtText: string;
  correctedText: string;
  count: number;
}

/** The check's counts with precision = (accept + amend) / decided, null when nothing is decided. */
export const withPrecision = (stats: CheckStats): CheckStats => {
  const decided = stats.accepted + stats.amended + stats.rejected;
  return { ...stats, precision: decided > 0 ? (stats.accepted + stats.amended) / decided : null };
};

/**
 * Per check, the decisions that stand on the edits it found (origin `check:<id>`) or explains (a post-edit edit it
 * labelled), in one article.
 */
export function checkCounts(resolution: Resolution): CheckStats[] {
  const byCheck = new Map<string, CheckStats>();
  for (const { edit, outcome } of resolution.edits) {
    const check = edit.checkId ?? (edit.origin.startsWith('check:') ? edit.origin.slice('check:'.length) : null);
    if (!check) continue;
    const stats = byCheck.get(check) ?? {
      check,
      edits: 0,
      accepted: 0,
      amended: 0,
      rejected: 0,
      undecided: 0,
      precision: null,
    };
    stats.edits++;
    const decision = standingDecision(outcome);
    stats[
      decision === 'accept' ? 'accepted' : decision === 'amend' ? 'amended' : decision ? 'rejected' : 'undecided'
    ]++;
    byCheck.set(check, stats);
  }
  return [...byCheck.values()].map(withPrecision);
}

/** The accepted corrections of one article. */
export function acceptedCorrections(resolution: Resolution): AcceptedCorrection[] {
  const byKey = new Map<string, AcceptedCorrection>();
  for (const { edit, outcome } of resolution.edits) {
    if (standingDecision(outcome) !== 'accept') continue;
    const key = `${edit.mtText}\u0000${edit.correctedText}`;
    const entry = byKey.get(key) ?? { mtText: edit.mtText, correctedText: edit.correctedText, count: 0 };
    entry.count++;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
