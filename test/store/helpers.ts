// Test helpers for the store: databases in real files under a temp folder, small articles and edits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { LoadedArticle } from '../../src/corpus/types.ts';
import type { EditOrigin } from '../../src/diff/types.ts';
import type { Role } from '../../src/review/roles.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import type { ImportedEdit } from '../../src/store/edits.ts';
import { createReviewer, type Reviewer } from '../../src/store/reviewers.ts';

const folders: string[] = [];
const open: Store[] = [];

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-store-'));
  folders.push(folder);
  return folder;
}

/** Opens a database file (a new one in a temp folder unless given), closed after the test. */
export function openTestStore(file = join(tempFolder(), 'test.db')): Store {
  const db = openStore(file);
  open.push(db);
  return db;
}

/** The total number of rows this connection has written so far. */
export function totalChanges(db: Store): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
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
