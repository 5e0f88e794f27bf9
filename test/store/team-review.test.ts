// Tests of team review in the store: outcomes kept with every write, undo, approval that locks, assignments, the log.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { addReviewerEdit, setEditAside } from '../../src/store/edits.ts';
import { ConflictError, NotFoundError } from '../../src/store/errors.ts';
import { keepOutcomes } from '../../src/store/outcomes.ts';
import { retractVerdict } from '../../src/store/retractions.ts';
import type { Store } from '../../src/store/sql.ts';
import {
  approveArticle,
  articleEvents,
  articleStatusOf,
  assignReviewer,
  getArticleReviewRow,
  reopenArticle,
  setReviewMode,
  teamReviewOf,
  unassignReviewer,
} from '../../src/store/team-review.ts';
import { currentVerdicts } from '../../src/store/verdict-reads.ts';
import { recordVerdict, recordVerdictBatch } from '../../src/store/verdicts.ts';
import { addReviewer, makeEdit, openTestStore, seedArticle, seedEdits } from './helpers.ts';

async function team() {
  const db = await openTestStore();
  await importArticle(db, seedArticle, seedEdits);
  const ann = await addReviewer(db, 'ann');
  const bob = await addReviewer(db, 'bob');
  const lea = await addReviewer(db, 'lea', 'lead');
  return { db, ann, bob, lea };
}

const counts = async (db: Store) => {
  const row = await getArticleReviewRow(db, seedArticle.id);
  return (
    row && {
      edits: row.edits,
      undecided: row.undecided,
      agreed: row.agreed,
      disputed: row.disputed,
      adjudicated: row.adjudicated,
    }
  );
};
const stateOf = async (db: Store, editId: string) =>
  (await db.get<{ state: string }>('SELECT state FROM edit_outcomes WHERE edit_id = :editId', { editId }))?.state;

describe('kept outcomes', () => {
  it('follow agreement, dispute, adjudication and undo, and count them per article', async () => {
    const { db, ann, bob, lea } = await team();
    expect(await counts(db)).toEqual({ edits: 3, undecided: 3, agreed: 0, disputed: 0, adjudicated: 0 });
    await recordVerdict(db, { editId: 'e-byline', reviewerId: ann.id, decision: 'accept' });
    await recordVerdictBatch(db, [
      { editId: 'e-byline', reviewerId: bob.id, decision: 'accept' },
      { editId: 'e-sergey', reviewerId: ann.id, decision: 'accept' },
      { editId: 'e-sergey', reviewerId: bob.id, decision: 'reject' },
    ]);
    expect(await stateOf(db, 'e-byline')).toBe('agreed');
    expect(await stateOf(db, 'e-sergey')).toBe('disputed');
    expect(await counts(db)).toEqual({ edits: 3, undecided: 1, agreed: 1, disputed: 1, adjudicated: 0 });
    expect(await articleStatusOf(db, seedArticle.id)).toBe('in review');

    await recordVerdict(db, { editId: 'e-sergey', reviewerId: lea.id, kind: 'adjudication', decision: 'reject' });
    expect(await stateOf(db, 'e-sergey')).toBe('adjudicated');
    // Bob takes his verdict back: Ann's alone stands, and the lead's word still does.
    const undone = await retractVerdict(db, 'e-sergey', bob.id);
    expect(undone).toMatchObject({ retracted: { reviewerName: 'bob', decision: 'reject' }, standing: null });
    expect(await stateOf(db, 'e-sergey')).toBe('adjudicated');
    await retractVerdict(db, 'e-sergey', lea.id, 'adjudication');
    expect(await stateOf(db, 'e-sergey')).toBe('agreed');
    const current = await currentVerdicts(db, seedArticle.id);
    expect(current.map((v) => [v.editId, v.reviewerName, v.kind])).toEqual([
      ['e-byline', 'ann', 'verdict'],
      ['e-byline', 'bob', 'verdict'],
      ['e-sergey', 'ann', 'verdict'],
    ]);
  });

  it('takes back only the reader’s own current verdict, which brings their earlier one back', async () => {
    const { db, ann, bob } = await team();
    await recordVerdict(db, { editId: 'e-byline', reviewerId: ann.id, decision: 'reject' });
    await recordVerdict(db, { editId: 'e-byline', reviewerId: ann.id, decision: 'accept' });
    await expect(retractVerdict(db, 'e-byline', bob.id)).rejects.toThrowError(NotFoundError);
    const back = await retractVerdict(db, 'e-byline', ann.id);
    expect(back.standing).toMatchObject({ decision: 'reject', reviewerName: 'ann' });
    expect((await currentVerdicts(db, seedArticle.id)).map((v) => v.decision)).toEqual(['reject']);
    await retractVerdict(db, 'e-byline', ann.id);
    expect(await currentVerdicts(db, seedArticle.id)).toEqual([]);
    expect(await stateOf(db, 'e-byline')).toBe('undecided');
    await expect(retractVerdict(db, 'e-byline', ann.id)).rejects.toThrowError(NotFoundError);
    // The history keeps everything: two verdicts, both taken back, none deleted.
    const rows = await db.all('SELECT * FROM retractions');
    expect(rows).toHaveLength(2);
    await expect(db.run('DELETE FROM retractions')).rejects.toThrowError('retractions are append-only');
  });

  it('are recomputed once for a store whose verdicts came before them', async () => {
    const { db, ann, bob } = await team();
    await recordVerdictBatch(db, [
      { editId: 'e-byline', reviewerId: ann.id, decision: 'accept' },
      { editId: 'e-byline', reviewerId: bob.id, decision: 'reject' },
    ]);
    await db.run('DELETE FROM edit_outcomes');
    await db.run('UPDATE article_review SET edits = 0, undecided = 0, agreed = 0, disputed = 0, adjudicated = 0');
    await db.run("DELETE FROM settings WHERE key = 'outcomes-version'");
    await keepOutcomes(db);
    expect(await stateOf(db, 'e-byline')).toBe('disputed');
    expect(await counts(db)).toEqual({ edits: 3, undecided: 2, agreed: 0, disputed: 1, adjudicated: 0 });
  });
});

describe('approval', () => {
  it('is refused while edits are undecided or disputed, and locks the article once given', async () => {
    const { db, ann, lea } = await team();
    await expect(approveArticle(db, seedArticle.id, lea.id)).rejects.toThrowError(/3 undecided/);
    await recordVerdictBatch(
      db,
      seedEdits.map((e) => ({ editId: e.id, reviewerId: ann.id, decision: 'accept' as const })),
    );
    expect(await articleStatusOf(db, seedArticle.id)).toBe('reviewed');
    await approveArticle(db, seedArticle.id, lea.id, 'ready');
    expect(await articleStatusOf(db, seedArticle.id)).toBe('approved');
    expect((await teamReviewOf(db, seedArticle.id))?.approval).toMatchObject({ by: 'lea' });

    const refused = { editId: 'e-byline', reviewerId: ann.id, decision: 'reject' as const };
    await expect(recordVerdict(db, refused)).rejects.toThrowError(/approved/);
    await expect(recordVerdict(db, { ...refused, kind: 'adjudication', reviewerId: lea.id })).rejects.toThrowError(
      ConflictError,
    );
    await expect(retractVerdict(db, 'e-byline', ann.id)).rejects.toThrowError(ConflictError);
    await expect(
      addReviewerEdit(db, seedArticle.id, makeEdit('r-1', 34, 'visits', 'is visiting'), ann.id),
    ).rejects.toThrowError(ConflictError);
    await expect(setEditAside(db, seedArticle.id, 'e-marker')).rejects.toThrowError(ConflictError);
    await expect(approveArticle(db, seedArticle.id, lea.id)).rejects.toThrowError(ConflictError);

    await reopenArticle(db, seedArticle.id, lea.id);
    expect((await recordVerdict(db, refused)).duplicate).toBe(false);
    await expect(reopenArticle(db, seedArticle.id, lea.id)).rejects.toThrowError(/not approved/);
    const log = await articleEvents(db, seedArticle.id);
    expect(log.map((e) => [e.action, e.actor, e.note])).toEqual([
      ['reopened', 'lea', null],
      ['approved', 'lea', 'ready'],
    ]);
  });
});

describe('assignments and review mode', () => {
  it('assigns, unassigns and sets the mode, logging each change once', async () => {
    const { db, ann, bob, lea } = await team();
    await assignReviewer(db, seedArticle.id, bob.id, lea.id);
    await assignReviewer(db, seedArticle.id, ann.id, lea.id);
    await assignReviewer(db, seedArticle.id, ann.id, lea.id);
    expect((await teamReviewOf(db, seedArticle.id))?.assignees).toEqual(['ann', 'bob']);
    await unassignReviewer(db, seedArticle.id, bob.id, lea.id);
    await expect(unassignReviewer(db, seedArticle.id, bob.id, lea.id)).rejects.toThrowError(NotFoundError);
    await setReviewMode(db, seedArticle.id, 'open', lea.id);
    await setReviewMode(db, seedArticle.id, 'open', lea.id);
    expect(await teamReviewOf(db, seedArticle.id)).toMatchObject({ mode: 'open', assignees: ['ann'] });
    await expect(assignReviewer(db, 'nope', ann.id, lea.id)).rejects.toThrowError(NotFoundError);
    const log = await articleEvents(db, seedArticle.id);
    expect(log.map((e) => [e.action, e.subject])).toEqual([
      ['review-opened', null],
      ['unassigned', 'bob'],
      ['assigned', 'ann'],
      ['assigned', 'bob'],
    ]);
  });
});
