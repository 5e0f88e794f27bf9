// A review by keyboard alone in Chromium: category by picker, severity, note, verdicts, the undecided jumps; then
// the verdicts as the API has them, and what the live region said.
import { describe, expect, it } from 'vitest';
import { type ApiEdit, apiArticle, type E2E, open } from '../support/context.ts';

/** The suite, run by test/e2e/review.test.ts in its one browser. */
export function keyboardSuite(e2e: E2E): void {
  const number = () => e2e.page.locator('#panel-number').textContent();
  const said = () => e2e.page.locator('#announcer').textContent();
  const press = async (...keys: string[]) => {
    for (const key of keys) await e2e.page.keyboard.press(key);
  };
  const focused = () => e2e.page.evaluate('document.activeElement?.id');
  // Each key waits for the focus it moves: on a busy machine the next key could otherwise land in the old place.
  const focusTo = async (key: string, id: string) => {
    await press(key);
    await expect.poll(focused).toBe(id);
  };
  const leave = async (key: string, id: string) => {
    await press(key);
    await expect.poll(focused).not.toBe(id);
  };

  async function pickCategory(typed: string, expected: string): Promise<void> {
    await focusTo('c', 'category-search');
    await e2e.page.keyboard.type(typed);
    await leave('Enter', 'category-search');
    expect(await e2e.page.locator('#category').inputValue()).toBe(expected);
  }

  describe('a review by keyboard alone', () => {
    it('sets category, severity and note by key and sends them with the verdict', async () => {
      const { page } = e2e;
      await open(e2e, '/articles/bahn-with-source');
      expect(await number()).toBe('1');
      await pickCategory('furn', 'design/page-furniture');
      await press('4');
      await focusTo('n', 'note');
      await page.keyboard.type('Breadcrumb of the page');
      await leave('Enter', 'note');
      await press('a');
      await expect.poll(said).toBe('Edit 1 accepted: Page furniture, critical. Now edit 2, undecided.');
      expect(await number()).toBe('2');

      await pickCategory('word ord', 'linguistic/word-order');
      await press('3', 'r');
      await expect.poll(said).toContain('Edit 2 rejected: Word order, major.');

      await pickCategory('punct', 'linguistic/punctuation');
      await press('1');
      await focusTo('n', 'note');
      await page.keyboard.type('not this');
      // Esc leaves the note as it was (empty); e types the amendment and Enter records it.
      await leave('Escape', 'note');
      await focusTo('e', 'amended-text');
      await page.keyboard.type('(gone)');
      await leave('Enter', 'amended-text');
      await expect.poll(said).toContain('Edit 3 amended: Punctuation, neutral.');

      const edits = (await apiArticle(e2e, 'bahn-with-source')).edits;
      // One reviewer: the verdict recorded is the edit's current one, with its note.
      const standing = (n: number) => (edits[n] as ApiEdit).verdicts[0];
      expect(standing(0)).toMatchObject({
        decision: 'accept',
        category: 'design/page-furniture',
        severity: 'critical',
        note: 'Breadcrumb of the page',
      });
      expect(standing(1)).toMatchObject({ decision: 'reject', category: 'linguistic/word-order', severity: 'major' });
      expect(standing(1)?.note).toBeNull();
      expect(standing(2)).toMatchObject({
        decision: 'amend',
        category: 'linguistic/punctuation',
        severity: 'neutral',
        note: null,
        amendedText: '(gone)',
      });
    });

    it('jumps to the next and previous undecided edit with ] and [', async () => {
      expect(await number()).toBe('4');
      await press('j', 'a');
      await expect.poll(said).toContain('Edit 5 accepted');
      expect(await number()).toBe('6');
      await press('[');
      await expect.poll(number).toBe('4');
      await press(']');
      await expect.poll(number).toBe('6');
    });

    it('shows labels, not ids, in the panel, and "(delete)" for a deletion', async () => {
      await press('k', 'k', 'k', 'k', 'k');
      await expect.poll(number).toBe('1');
      expect(await e2e.page.locator('#history .labels').first().textContent()).toBe('Page furniture, critical');
      expect(await e2e.page.locator('#panel-corrected').textContent()).toBe('(delete)');
      expect(await e2e.page.locator('#panel-state').textContent()).toBe('✓ accepted');
    });
  });
}
