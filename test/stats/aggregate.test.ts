// Tests of the review statistics on the seed article with made-up verdicts: counts, HTER, scores, checks, recurrences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEdits } from '../../src/diff/index.ts';
import { renderMqm } from '../../src/export/mqm.ts';
import { findScoringModel } from '../../src/metrics/mqm-models.ts';
import { scoreWmtMqmText } from '../../src/metrics/score-mqm-file.ts';
import { activityOf } from '../../src/review/activity.ts';
import type { ArticleReview, StoredEdit, VerdictRecord } from '../../src/review/article-review.ts';
import { articleStats, countWords } from '../../src/stats/aggregate.ts';
import { aggregate } from '../../src/stats/statistics.ts';

const recurringCorrections = (reviews: Parameters<typeof aggregate>[0]) => aggregate(reviews).recurring;

const folder = new URL('../../corpus/lavrov-in-china/', import.meta.url);
const MT = readFileSync(new URL('mt.txt', folder), 'utf8');
const CORRECTED = readFileSync(new URL('corrected.txt', folder), 'utf8');

let nextId = 1;
// A verdict's time follows its id without wrapping at a minute, however many verdicts the tests before made.
const secondsAfterStart = (n: number) => new Date(Date.UTC(2024, 4, 1, 10) + n * 1000).toISOString();
function verdict(editId: string, fields: Partial<VerdictRecord> = {}): VerdictRecord {
  return {
    ...{ id: nextId++, editId, reviewer: 'ann', decision: 'accept', category: null, severity: null },
    ...{ note: null, amendedText: null, createdAt: secondsAfterStart(nextId) },
    ...fields,
  };
}

function review(id: string, mt = MT, corrected = CORRECTED, origin?: StoredEdit['origin']): ArticleReview {
  const edits = extractEdits(mt, corrected, { salt: id, ...(origin ? { origin } : {}) });
  return {
    ...{ id, meta: { title: `Title of ${id}` }, mt, corrected, source: null },
    edits: edits.map((edit) => ({ ...edit, status: 'current' as const })),
    verdicts: [],
    activity: [],
  };
}

/** The review with this verdict history (and the activity the store would count from it). */
const withHistory = (r: ArticleReview, verdicts: VerdictRecord[]): ArticleReview => ({
  ...r,
  verdicts,
  activity: activityOf(verdicts),
});

const withVerdicts = (r: ArticleReview, make: (edit: StoredEdit, index: number) => VerdictRecord | undefined) =>
  withHistory(
    r,
    r.edits.map(make).filter((v): v is VerdictRecord => v !== undefined),
  );

describe('articleStats on the seed article', () => {
  const base = review('lavrov');
  const n = base.edits.length;

  it('has edits to count', () => expect(n).toBeGreaterThan(5));

  it('counts words, edits and nothing decided without verdicts', () => {
    const stats = articleStats(base);
    expect(stats.words).toBe(countWords(MT));
    expect(stats.words).toBe(413);
    expect(stats.edits).toBe(n);
    expect(stats.decided).toBe(0);
    expect(stats.reviewedShare).toBe(0);
    expect(stats.decisions).toEqual({ accepted: 0, rejected: 0, amended: 0, disputed: 0, undecided: n });
    expect(stats.errors.total).toBe(0);
    expect(stats.scores.wmt?.score).toBe(0);
    expect(stats.scores.mqm2?.score).toBe(100);
    expect(stats.title).toBe('Title of lavrov');
  });

  it('counts decisions and errors by category and severity from the outcomes, a lead’s adjudication standing', () => {
    const reviewed = withVerdicts(base, (edit, i) => {
      if (i === 0)
        return verdict(edit.id, { decision: 'accept', category: 'linguistic/punctuation', severity: 'minor' });
      if (i === 1)
        return verdict(edit.id, {
          decision: 'amend',
          amendedText: 'x',
          category: 'accuracy/mistranslation',
          severity: 'major',
        });
      if (i === 2) return verdict(edit.id, { decision: 'reject', category: 'style/awkward', severity: 'minor' });
      if (i === 3)
        return verdict(edit.id, { decision: 'accept', category: 'accuracy/mistranslation', severity: 'critical' });
      return undefined;
    });
    // A lead's adjudication stands whatever the reviewer said: edit 2 becomes an accepted minor grammar error.
    reviewed.verdicts.push(
      verdict(base.edits[2]?.id as string, {
        reviewer: 'bob',
        kind: 'adjudication',
        category: 'linguistic/grammar',
        severity: 'minor',
        createdAt: '2024-06-01T00:00:00.000Z',
      }),
    );
    const stats = articleStats(reviewed);
    expect(stats.decisions).toEqual({ accepted: 3, rejected: 0, amended: 1, disputed: 0, undecided: n - 4 });
    expect(stats.decided).toBe(4);
    expect(stats.reviewedShare).toBeCloseTo(4 / n);
    expect(stats.errors).toEqual({
      total: 4,
      byCategory: { 'linguistic/punctuation': 1, 'accuracy/mistranslation': 2, 'linguistic/grammar': 1 },
      bySeverity: { minor: 2, major: 1, critical: 1 },
    });
    // WMT: punctuation minor 0.1 + major 5 + critical-as-major 5 + minor 1.
    expect(stats.scores.wmt?.penalty).toBeCloseTo(11.1);
    expect(stats.scores.wmt?.counts).toEqual({ neutral: 0, minor: 2, major: 2, critical: 0 });
    // MQM 2.0: 1 + 5 + 25 + 1 = 32 points; any critical error fails.
    expect(stats.scores.mqm2?.penalty).toBe(32);
    expect(stats.scores.mqm2?.counts).toEqual({ neutral: 0, minor: 2, major: 1, critical: 1 });
    expect(stats.scores.mqm2?.pass).toBe(false);
    expect(stats.scores.matecat?.penalty).toBe(0.5 + 2 + 10 + 0.5);
    expect(stats.scores.matecat?.perThousandWords).toBeCloseTo((13 / 413) * 1000);
  });

  it('counts a disputed edit apart: neither decided nor an error, until a lead adjudicates', () => {
    const first = base.edits[0]?.id as string;
    const disputed = withHistory(base, [
      verdict(first, { reviewer: 'ann', decision: 'accept', category: 'linguistic/grammar', severity: 'major' }),
      verdict(first, { reviewer: 'bob', decision: 'reject' }),
    ]);
    const stats = articleStats(disputed);
    expect(stats.decisions).toEqual({ accepted: 0, rejected: 0, amended: 0, disputed: 1, undecided: n - 1 });
    expect(stats.decided).toBe(0);
    expect(stats.errors.total).toBe(0);
    const adjudicated = withHistory(base, [
      ...disputed.verdicts,
      verdict(first, { reviewer: 'lea', kind: 'adjudication', decision: 'accept', severity: 'minor' }),
    ]);
    const settled = articleStats(adjudicated);
    expect(settled.decisions).toMatchObject({ accepted: 1, disputed: 0 });
    expect(settled.errors).toMatchObject({ total: 1, bySeverity: { minor: 1 } });
  });

  it('counts a dimension alone and a non-translation under their own ids; WMT weighs a non-translation 25', () => {
    const category = (i: number) => (i === 0 ? 'accuracy/other' : 'accuracy/non-translation');
    const reviewed = withVerdicts(base, (edit, i) =>
      i < 2 ? verdict(edit.id, { category: category(i), severity: 'minor' }) : undefined,
    );
    const stats = articleStats(reviewed);
    expect(stats.errors.byCategory).toEqual({ 'accuracy/other': 1, 'accuracy/non-translation': 1 });
    // WMT: Accuracy minor 1 + Non-translation! 25; MQM 2.0 knows no such exception: two minor errors.
    expect(stats.scores.wmt?.penalty).toBe(26);
    expect(stats.scores.mqm2?.penalty).toBe(2);
  });

  it('gives HTER 0 when every edit is rejected: the corrected text is the MT', () => {
    const stats = articleStats(withVerdicts(base, (edit) => verdict(edit.id, { decision: 'reject' })));
    expect(stats.hter.score).toBe(0);
    expect(stats.hter.edits).toBe(0);
    expect(stats.errors.total).toBe(0);
    expect(stats.decisions.rejected).toBe(n);
    expect(stats.reviewedShare).toBe(1);
  });

  it('gives HTER > 0 when edits are accepted, growing with the accepted edits', () => {
    const one = articleStats(
      withVerdicts(base, (edit, i) => verdict(edit.id, { decision: i === 0 ? 'accept' : 'reject' })),
    );
    const all = articleStats(withVerdicts(base, (edit) => verdict(edit.id)));
    expect(one.hter.score).toBeGreaterThan(0);
    expect(all.hter.score).toBeGreaterThan(one.hter.score);
    expect(all.hter.refLength).toBeGreaterThan(300);
  });
});

describe('scores agree with score-mqm reading our mqm export', () => {
  const categories = ['linguistic/punctuation', 'accuracy/mistranslation', 'style/awkward', null] as const;
  const reviewedWith = (severities: readonly (VerdictRecord['severity'] | null)[]) =>
    withVerdicts(review('lavrov'), (edit, i) =>
      i % 4 === 3
        ? undefined
        : verdict(edit.id, {
            decision: i % 5 === 1 ? 'reject' : 'accept',
            category: categories[i % categories.length] ?? null,
            severity: severities[i % severities.length] ?? null,
          }),
    );
  const scoreBack = (r: ArticleReview, id: string) => {
    const model = findScoringModel(id);
    if (!model) throw new Error(`no model ${id}`);
    const file = scoreWmtMqmText(renderMqm(r), 'export.tsv', model);
    expect(file.systems).toHaveLength(1);
    return file.systems[0];
  };
  // The WMT layout has no Critical (it is written as Major), so only WMT reads back a critical error unchanged.
  const mixed = reviewedWith(['minor', 'major', 'critical', 'neutral', null]);
  const noCritical = reviewedWith(['minor', 'major', 'neutral', null]);
  const stats = articleStats(mixed);

  it('gives the same WMT score per article, critical errors included', () => {
    const back = scoreBack(mixed, 'wmt');
    expect(stats.scores.wmt?.score).toBeCloseTo(back?.score ?? Number.NaN, 6);
    expect(stats.scores.wmt?.counts).toEqual(back?.counts);
    expect(stats.scores.wmt?.score).toBeGreaterThan(0);
  });

  for (const id of ['wmt', 'mqm2', 'matecat']) {
    it(`gives the same ${id} score per article without critical errors`, () => {
      const own = articleStats(noCritical).scores[id];
      const back = scoreBack(noCritical, id);
      expect(own?.score).toBeCloseTo(back?.score ?? Number.NaN, 6);
      expect(own?.counts).toEqual(back?.counts);
      expect(own?.pass).toBe(back?.pass);
    });
  }

  it('rates every paragraph once something is decided, and none before', () => {
    expect(stats.segments).toBe(MT.split(/\n\s*\n/).filter((p) => p.trim() !== '').length);
    expect(articleStats(review('lavrov')).segments).toBe(0);
  });

  it('labels an accepted check suggestion without its own category by the suggestion', () => {
    const base = review('lavrov');
    const [first] = base.edits;
    if (!first) throw new Error('no edit');
    Object.assign(first, { suggestedCategory: 'locale/quote-marks', suggestedSeverity: 'minor' });
    const stats = articleStats({ ...base, verdicts: [verdict(first.id)] });
    expect(stats.errors.byCategory).toEqual({ 'locale/quote-marks': 1 });
    expect(stats.errors.bySeverity).toEqual({ minor: 1 });
  });
});

describe('aggregate over a corpus', () => {
  const mtA = 'The minister said the Kremlin was ready.\n\nHe met Wladimir Putin in Moscow.\n';
  const fixedA = 'The minister said the Kremlin was ready.\n\nHe met Vladimir Putin in Moscow.\n';
  const mtB = 'Wladimir Putin spoke on Tuesday.\n';
  const fixedB = 'Vladimir Putin spoke on Tuesday.\n';
  const accepted = (r: ArticleReview, reviewer = 'ann') =>
    withVerdicts(r, (edit) => verdict(edit.id, { reviewer, category: 'locale/name-format', severity: 'minor' }));

  it('finds the same correction accepted in two articles, with counts and article ids', () => {
    const reviews = [accepted(review('a', mtA, fixedA)), accepted(review('b', mtB, fixedB))];
    const recurring = recurringCorrections(reviews);
    expect(recurring).toHaveLength(1);
    expect(recurring[0]).toMatchObject({ count: 2, articles: ['a', 'b'] });
    expect(recurring[0]?.mtText).toContain('Wladimir');
    expect(recurring[0]?.correctedText).toContain('Vladimir');
  });

  it('does not count a correction accepted in one article and rejected in the other', () => {
    const b = withVerdicts(review('b', mtB, fixedB), (edit) => verdict(edit.id, { decision: 'reject' }));
    expect(recurringCorrections([accepted(review('a', mtA, fixedA)), b])).toEqual([]);
  });

  it('sums the corpus, pools HTER, and reports reviewers, agreement and checks', () => {
    const a = accepted(review('a', mtA, fixedA, 'check:names'));
    const unrated = review('b', mtB, fixedB, 'check:names');
    const b = withHistory(unrated, [
      ...unrated.edits.map((edit) => verdict(edit.id, { reviewer: 'ann', decision: 'reject' })),
      ...unrated.edits.map((edit) =>
        verdict(edit.id, { reviewer: 'bob', decision: 'reject', createdAt: '2024-01-01T00:00:00.000Z' }),
      ),
    ]);
    const stats = aggregate([a, b]);
    expect(stats.articles.map((x) => x.id)).toEqual(['a', 'b']);
    expect(stats.corpus.articles).toBe(2);
    expect(stats.corpus.words).toBe(countWords(mtA) + countWords(mtB));
    expect(stats.corpus.edits).toBe(2);
    expect(stats.corpus.decisions).toEqual({ accepted: 1, rejected: 1, amended: 0, disputed: 0, undecided: 0 });
    const [sa, sb] = stats.articles;
    expect(stats.corpus.hter.edits).toBe((sa?.hter.edits ?? 0) + (sb?.hter.edits ?? 0));
    expect(stats.corpus.hter.score).toBeCloseTo((100 * stats.corpus.hter.edits) / stats.corpus.hter.refLength);
    expect(sb?.hter.score).toBe(0);
    expect(stats.corpus.scores.mqm2?.penalty).toBe(1);
    expect(stats.reviewers).toEqual([
      { reviewer: 'ann', verdicts: 2, edits: 2, accept: 1, reject: 1, amend: 0 },
      { reviewer: 'bob', verdicts: 1, edits: 1, accept: 0, reject: 1, amend: 0 },
    ]);
    expect(stats.agreement).toHaveLength(1);
    expect(stats.agreement[0]).toMatchObject({ reviewers: ['ann', 'bob'], edits: 1, decision: { observed: 1 } });
    expect(stats.checks).toEqual([
      { check: 'names', edits: 2, accepted: 1, amended: 0, rejected: 1, undecided: 0, precision: 0.5 },
    ]);
    expect(stats.models.map((m) => m.id)).toEqual(['wmt', 'mqm2', 'matecat']);
  });

  it('leaves out stale edits and scores an empty article without failing', () => {
    const r = review('a', mtA, fixedA);
    r.edits = r.edits.map((edit) => ({ ...edit, status: 'stale' as const }));
    const empty = articleStats({ ...review('e', '', ''), edits: [] });
    expect(articleStats(r).edits).toBe(0);
    expect(empty.words).toBe(0);
    expect(empty.scores.mqm2).toBeNull();
    expect(empty.hter.score).toBe(0);
    expect(aggregate([]).corpus.reviewedShare).toBe(1);
  });
});
