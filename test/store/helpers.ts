// Test helpers for the store: a fresh store per test (on this run's engine), small articles and edits.
import { afterEach } from 'vitest';
import type { LoadedArticle } from '../../src/corpus/types.ts';
import type { EditOrigin } from '../../src/diff/types.ts';
import type { Role } from '../../src/review/roles.ts';
import type { ImportedEdit } from '../../src/store/edits.ts';
import { createReviewer, type Reviewer } from '../../src/store/reviewers.ts';
import type { Store } from '../../src/store/sql.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

const made: TestStore[] = [];

afterEach(async () => {
  for (const testStore of made.splice(0)) await testStore.remove();
});

/** A new, empty store on this run's engine and where it lives (to reopen it), removed after the test. */
export async function openTestStoreAt(): Promise<TestStore> {
  const testStore = await createTestStore();
  made.push(testStore);
  return testStore;
}

/** A new, empty store on this run's engine, removed after the test. */
export async function openTestStore(): Promise<Store> {
  return (await openTestStoreAt()).store;
}

/** Every row of the store's review tables, to compare before and after something that must write nothing. */
export async function reviewRows(db: Store): Promise<unknown[][]> {
  const tables = ['articles', 'edits', 'verdicts', 'current_verdicts', 'article_revisions'];
  const rows: unknown[][] = [];
  for (const table of tables) rows.push(await db.all(`SELECT * FROM ${table} ORDER BY 1`));
  return rows;
}

/** The seed's first sentence, machine-translated, with a post-edit that fixes two of its errors. */
export const seedArticle: LoadedArticle = {
  id: 'lavrov-in-china',
  dir: 'corpus/lavrov-in-china',
  meta: { title: 'Lavrov in China', publisher: 'fr.de', published: '2022-03-30', sourceLang: 'de', targetLang: 'en' },
  mt: 'Of: Marvin Ziegele. Sergey Lavrov visits China*.',
  corrected: 'By Marvin Ziegele. Sergei Lavrov visits China.',
};

/** An edit replacing `mt.slice(mtStart, mtStart + mtText.length)`; offsets in the corrected text are nominal. */
export function makeEdit(
  id: string,
  mtStart: number,
  mtText: string,
  correctedText: string,
  origin: EditOrigin = 'post-edit',
): ImportedEdit {
  return {
    id,
    mtStart,
    mtEnd: mtStart + mtText.length,
    mtText,
    correctedStart: mtStart,
    correctedEnd: mtStart + correctedText.length,
    correctedText,
    paragraph: 0,
    contextBefore: '',
    contextAfter: '',
    origin,
  };
}

/** The seed's post-edit edit of the byline label. */
export const bylineEdit = makeEdit('e-byline', 0, 'Of:', 'By');
/** The seed's post-edit edit of the spelling of Lavrov's first name. */
export const sergeyEdit = makeEdit('e-sergey', 20, 'Sergey', 'Sergei');
/** The seed's post-edit edit removing a link marker. */
export const markerEdit = makeEdit('e-marker', 46, '*', '');
/** The seed's post-edit edits, in MT order. */
export const seedEdits: ImportedEdit[] = [bylineEdit, sergeyEdit, markerEdit];

/** The password `addReviewer` gives: long enough and on no list of common passwords. */
export const testPassword = 'correct horse battery';

/** A reviewer with a throwaway password. */
export function addReviewer(db: Store, name = 'alice', role: Role = 'reviewer'): Promise<Reviewer> {
  return createReviewer(db, name, testPassword, { role });
}
