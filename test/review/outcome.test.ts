// Tests of an edit's outcome from several reviewers' verdicts: agreement, dispute, adjudication, undo, blind review.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleReview, VerdictRecord } from '../../src/review/article-review.ts';
import { articleStatus } from '../../src/review/article-status.ts';
import { currentDecisions, outcomeOf, outcomesOf } from '../../src/review/outcome.ts';
import { reviewerView } from '../../src/review/viewer.ts';

let nextId = 1;
// Seconds after a fixed start, never wrapping: a verdict's time follows its id however many the properties made.
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 10) + second * 1000).toISOString();
function v(editId: string, reviewer: string, fields: Partial<VerdictRecord> = {}): VerdictRecord {
  const id = nextId++;
  return {
    ...{ id, editId, reviewer, decision: 'accept', category: null, severity: null, note: null, amendedText: null },
    createdAt: at(id),
    ...fields,
  };
}

describe('outcomeOf', () => {
  it('is undecided without verdicts, agreed by one reviewer, agreed by several who say the same', () => {
    expect(outcomeOf([]).state).toBe('undecided');
    expect(outcomeOf([v('e', 'ann')])).toMatchObject({ state: 'agreed', decision: 'accept', by: ['ann'] });
    const both = outcomeOf([v('e', 'ann', { severity: 'minor' }), v('e', 'bob', { severity: 'major', note: 'n' })]);
    expect(both).toMatchObject({ state: 'agreed', decision: 'accept', by: ['ann', 'bob'], severity: 'major' });
    expect(both.note).toBe('n');
  });

  it('is disputed when the decisions differ, or two amendments differ in their text', () => {
    expect(outcomeOf([v('e', 'ann'), v('e', 'bob', { decision: 'reject' })])).toMatchObject({
      state: 'disputed',
      decision: null,
      by: ['ann', 'bob'],
    });
    const amend = (reviewer: string, text: string) => v('e', reviewer, { decision: 'amend', amendedText: text });
    expect(outcomeOf([amend('ann', 'Moscow'), amend('bob', 'Moskva')]).state).toBe('disputed');
    // The edges' spaces are not part of the text a reader sees: the same amendment.
    expect(outcomeOf([amend('ann', 'Moscow'), amend('bob', ' Moscow ')])).toMatchObject({
      state: 'agreed',
      amendedText: ' Moscow ',
    });
  });

  it('gives an adjudication the last word, whatever the reviewers said, with the lead and the note', () => {
    const lead = v('e', 'lea', { kind: 'adjudication', decision: 'reject', note: 'the MT is right' });
    expect(outcomeOf([v('e', 'ann'), v('e', 'bob', { decision: 'amend', amendedText: 'x' })], lead)).toMatchObject({
      state: 'adjudicated',
      decision: 'reject',
      by: ['lea'],
      note: 'the MT is right',
    });
  });

  const decision = fc.constantFrom('accept', 'reject', 'amend') as fc.Arbitrary<VerdictRecord['decision']>;
  const verdicts = fc.uniqueArray(
    fc.record({ reviewer: fc.constantFrom('ann', 'bob', 'cem', 'dan'), decision, text: fc.constantFrom('a', 'b') }),
    { selector: (x) => x.reviewer, maxLength: 4 },
  );
  const make = (list: { reviewer: string; decision: VerdictRecord['decision']; text: string }[]) =>
    list.map((x) => v('e', x.reviewer, { decision: x.decision, amendedText: x.decision === 'amend' ? x.text : null }));

  it('does not depend on the order of the verdicts (property)', () => {
    fc.assert(
      fc.property(verdicts, fc.nat(), (list, seed) => {
        const records = make(list);
        const shuffled = [...records].sort((a, b) => ((a.id * (seed + 7)) % 13) - ((b.id * (seed + 7)) % 13));
        expect(outcomeOf(shuffled)).toEqual(outcomeOf(records));
      }),
    );
  });

  it('is agreed exactly when every verdict says the same, disputed otherwise (property)', () => {
    fc.assert(
      fc.property(verdicts, (list) => {
        const records = make(list);
        const keys = new Set(records.map((r) => `${r.decision}:${r.decision === 'amend' ? r.amendedText : ''}`));
        const expected = records.length === 0 ? 'undecided' : keys.size === 1 ? 'agreed' : 'disputed';
        expect(outcomeOf(records).state).toBe(expected);
      }),
    );
  });
});

describe('currentDecisions and outcomesOf over a history', () => {
  it('keeps each reviewer’s latest verdict that was not taken back, and each edit’s latest adjudication', () => {
    const history = [
      v('e', 'ann', { decision: 'reject' }),
      v('e', 'ann', { decision: 'amend', amendedText: 'x', retractedAt: at(nextId + 1000) }),
      v('e', 'bob'),
      v('f', 'lea', { kind: 'adjudication' }),
      v('f', 'lea', { kind: 'adjudication', decision: 'reject', retractedAt: at(nextId + 1000) }),
    ];
    const current = currentDecisions(history);
    expect(current.verdicts.get('e')?.map((x) => [x.reviewer, x.decision])).toEqual([
      ['ann', 'reject'],
      ['bob', 'accept'],
    ]);
    expect(current.adjudications.get('f')?.decision).toBe('accept');
    const outcomes = outcomesOf(history);
    expect(outcomes.get('e')?.state).toBe('disputed');
    expect(outcomes.get('f')).toMatchObject({ state: 'adjudicated', decision: 'accept' });
  });
});

describe('reviewerView', () => {
  const review = (mode: 'blind' | 'open', verdicts: VerdictRecord[]): ArticleReview => ({
    ...{ id: 'a', meta: {}, mt: 'x', corrected: null, source: null, edits: [], activity: [] },
    verdicts,
    team: { mode, assignees: [], approval: null },
  });
  const history = [
    v('e1', 'ann'),
    v('e1', 'bob', { decision: 'reject' }),
    v('e2', 'ann'),
    v('e2', 'lea', { kind: 'adjudication' }),
  ];

  it('shows the others’ verdicts and the adjudication on an edit only once the reviewer decided it (blind)', () => {
    const bobs = reviewerView(review('blind', history), 'bob').verdicts.map((x) => [x.editId, x.reviewer]);
    expect(bobs).toEqual([
      ['e1', 'ann'],
      ['e1', 'bob'],
    ]);
    expect(reviewerView(review('blind', history), 'cem').verdicts).toEqual([]);
  });

  it('shows everything in open review', () => {
    expect(reviewerView(review('open', history), 'cem').verdicts).toEqual(history);
  });
});

describe('articleStatus', () => {
  const s = (fields: Partial<Parameters<typeof articleStatus>[0]>) =>
    articleStatus({ approvedAt: null, edits: 3, undecided: 3, agreed: 0, adjudicated: 0, ...fields });
  it('goes new → in review → reviewed → approved', () => {
    expect(s({})).toBe('new');
    expect(s({ undecided: 2, agreed: 1 })).toBe('in review');
    expect(s({ undecided: 0, agreed: 2 })).toBe('in review'); // one disputed
    expect(s({ undecided: 0, agreed: 2, adjudicated: 1 })).toBe('reviewed');
    expect(s({ undecided: 0, agreed: 3, approvedAt: at(1) })).toBe('approved');
    expect(s({ edits: 0, undecided: 0 })).toBe('reviewed');
  });
});
