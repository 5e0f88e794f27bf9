// Tests of group keys and recurring groups: what counts as the same correction, keys filled in for older rows.
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/store/articles.ts';
import { groupKeyOf, keepGroupKeys } from '../../src/store/group-keys.ts';
import { getRecurring, groupLabel, listRecurring } from '../../src/store/recurring.ts';
import { makeEdit, openTestStore, seedArticle } from './helpers.ts';

const page = { limit: 50, offset: 0, minOccurrences: 2 };

describe('group keys', () => {
  it('make a check’s suggestion a group of its own, and identical post-edit or reviewer edits one group', () => {
    const edit = { mtText: 'Of:', correctedText: 'By' };
    const postEdit = groupKeyOf({ ...edit, origin: 'post-edit' });
    expect(groupKeyOf({ ...edit, origin: 'reviewer' })).toBe(postEdit);
    expect(groupKeyOf({ ...edit, origin: 'post-edit', checkId: 'byline-label' })).toBe(postEdit);
    const check = groupKeyOf({ ...edit, origin: 'check:byline-label', checkId: 'byline-label' });
    expect(check).not.toBe(postEdit);
    expect(groupKeyOf({ ...edit, origin: 'check:other', checkId: 'other' })).not.toBe(check);
    expect(groupKeyOf({ mtText: 'Of:', correctedText: 'By ', origin: 'post-edit' })).not.toBe(postEdit);
    expect(check).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('label a group on one line: a check’s id, the texts with ⏎ for a newline, (delete)', () => {
    expect(groupLabel({ checkId: 'share-button', mtText: '\n\nPrint Share', correctedText: '' })).toBe(
      'share-button: "⏎⏎Print Share" → (delete)',
    );
  });
});

describe('listRecurring', () => {
  it('groups identical edits across articles, and fills in the keys of rows written without one', async () => {
    const db = await openTestStore();
    for (const id of ['one', 'two', 'three']) {
      await importArticle(db, { ...seedArticle, id, dir: id }, [
        makeEdit(`${id}-by`, 0, 'Of:', 'By'),
        makeEdit(`${id}-own`, 20, 'Sergey', `Sergei ${id}`),
      ]);
    }
    const [group] = (await listRecurring(db, page)).groups;
    expect(group).toMatchObject({ mtText: 'Of:', correctedText: 'By', occurrences: 3, articles: 3, undecided: 3 });
    expect((await listRecurring(db, page)).total).toBe(1);
    // A database from before bulk review has no keys: opening it fills them in.
    await db.run('UPDATE edits SET group_key = NULL');
    expect((await listRecurring(db, page)).total).toBe(0);
    await keepGroupKeys(db);
    expect((await listRecurring(db, page)).groups).toEqual([group]);
    expect(await getRecurring(db, group?.key as string)).toEqual(group);
    expect(await getRecurring(db, 'A'.repeat(22))).toBeUndefined();
  });
});
