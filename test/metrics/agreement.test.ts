// Tests of reviewer agreement: Cohen's kappa against hand-computed tables, current verdicts, field agreement.
import { describe, expect, it } from 'vitest';
import {
  cohensKappa,
  currentPerReviewer,
  type ReviewerDecision,
  reviewerAgreement,
} from '../../src/metrics/agreement.ts';
import type { VerdictRecord } from '../../src/review/article-review.ts';

/** Pairs from a contingency table: `table[i][j]` times (labels[i], labels[j]). */
function fromTable(labels: string[], table: number[][]): [string, string][] {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, () => [labels[i], labels[j]] as [string, string])),
  );
}

describe('cohensKappa', () => {
  it('matches a hand-computed 2x2 table', () => {
    // 20 both yes, 5 A yes B no, 10 A no B yes, 15 both no: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
    expect(
      cohensKappa(
        fromTable(
          ['yes', 'no'],
          [
            [20, 5],
            [10, 15],
          ],
        ),
      ),
    ).toBeCloseTo(0.4, 10);
  });

  it('matches a hand-computed 3x3 table', () => {
    // n = 10, po = 0.8; marginals A (4,3,3), B (5,3,2): pe = (20 + 9 + 6) / 100 = 0.35; κ = 0.45 / 0.65.
    const pairs = fromTable(
      ['accept', 'reject', 'amend'],
      [
        [4, 0, 0],
        [1, 2, 0],
        [0, 1, 2],
      ],
    );
    expect(cohensKappa(pairs)).toBeCloseTo(0.45 / 0.65, 10);
  });

  it('is 1 for perfect agreement, 0 at chance, negative below, null when undefined', () => {
    expect(
      cohensKappa(
        fromTable(
          ['a', 'b'],
          [
            [3, 0],
            [0, 2],
          ],
        ),
      ),
    ).toBeCloseTo(1);
    expect(
      cohensKappa(
        fromTable(
          ['a', 'b'],
          [
            [1, 1],
            [1, 1],
          ],
        ),
      ),
    ).toBeCloseTo(0);
    expect(
      cohensKappa(
        fromTable(
          ['a', 'b'],
          [
            [0, 2],
            [2, 0],
          ],
        ),
      ),
    ).toBeCloseTo(-1);
    expect(cohensKappa([])).toBeNull();
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'a'],
      ]),
    ).toBeNull();
  });
});

const record = (id: number, editId: string, reviewer: string, fields: Partial<VerdictRecord> = {}): VerdictRecord => ({
  ...{ id, editId, reviewer, decision: 'accept', category: null, severity: null, note: null, amendedText: null },
  createdAt: `2024-05-01T10:00:${String(id).padStart(2, '0')}.000Z`,
  ...fields,
});

describe('currentPerReviewer and reviewerAgreement', () => {
  it('takes each reviewer’s latest verdict per edit', () => {
    const current = currentPerReviewer([
      record(1, 'e1', 'ann', { decision: 'reject' }),
      record(2, 'e1', 'bob'),
      record(3, 'e1', 'ann', { decision: 'amend' }),
    ]);
    expect(current.map((d) => [d.reviewer, d.decision])).toEqual([
      ['ann', 'amend'],
      ['bob', 'accept'],
    ]);
  });

  it('computes kappa, category and severity agreement per pair over shared edits', () => {
    const d = (
      editId: string,
      reviewer: string,
      decision: ReviewerDecision['decision'],
      category: string | null,
      severity: string | null,
    ): ReviewerDecision => ({ editId, reviewer, decision, category, severity });
    const pairs = reviewerAgreement([
      d('e1', 'bob', 'accept', 'c1', 'minor'),
      d('e1', 'ann', 'accept', 'c1', 'major'),
      d('e2', 'ann', 'reject', null, null),
      d('e2', 'bob', 'reject', null, null),
      d('e3', 'ann', 'accept', 'c2', 'minor'),
      d('e3', 'bob', 'reject', 'c1', 'minor'),
      d('e4', 'ann', 'accept', null, null),
      d('e5', 'cy', 'accept', null, null),
    ]);
    expect(pairs).toHaveLength(1);
    const [pair] = pairs;
    expect(pair?.reviewers).toEqual(['ann', 'bob']);
    expect(pair?.edits).toBe(3);
    expect(pair?.decision).toEqual({ compared: 3, agreed: 2, observed: 2 / 3 });
    // A: accept 2, reject 1; B: accept 1, reject 2 → pe = (2·1 + 1·2) / 9 = 4/9; κ = (2/3 − 4/9) / (5/9) = 0.4.
    expect(pair?.kappa).toBeCloseTo(0.4, 10);
    expect(pair?.category).toEqual({ compared: 2, agreed: 1, observed: 0.5 });
    expect(pair?.severity).toEqual({ compared: 2, agreed: 1, observed: 0.5 });
  });
});
