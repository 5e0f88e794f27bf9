// The review page's basics in Chromium: sign in, decide edits by key and click, reload, move, help, stay safe.
import { describe, expect, it } from 'vitest';
import { signInWithForm } from '../support/browser.ts';
import { type ApiEdit, apiArticle, type E2E, open } from '../support/context.ts';

/** The suite, run by test/e2e/review.test.ts in its one browser. */
export function basicsSuite(e2e: E2E, pageErrors: string[], dialogs: string[]): void {
  let edits: ApiEdit[] = [];
  const edit = (n: number) => edits[n] as ApiEdit;
  const mark = (target: ApiEdit, side: 'mt' | 'corrected') =>
    e2e.page.locator(`a.edit-${side}[data-edit="${target.id}"]`);
  const progress = () => e2e.page.locator('#progress-text').textContent();

  async function expectState(target: ApiEdit, state: string, symbol: string): Promise<void> {
    for (const side of ['mt', 'corrected'] as const) {
      await expect.poll(() => mark(target, side).getAttribute('class')).toContain(`state-${state}`);
      expect(await mark(target, side).locator('.symbol').textContent()).toBe(symbol);
    }
  }

  describe('review basics', () => {
    it('signs in through the sign-in form and lands on the page asked for', async () => {
      edits = (await apiArticle(e2e, 'lavrov-in-china')).edits;
      await open(e2e, '/articles/lavrov-in-china');
      expect(new URL(e2e.page.url()).pathname).toBe('/sign-in');
      await signInWithForm(e2e.page);
      await e2e.page.waitForURL(/\/articles\/lavrov-in-china/);
      await expect.poll(progress).toBe(`0 of ${edits.length} reviewed`);
      for (const cell of await e2e.page.locator('.side-by-side td').allTextContents())
        expect(cell).not.toMatch(/^\s*\n/);
      // The stylesheets loaded (the CSP allows them): the columns stand side by side.
      const columns = await e2e.page
        .locator('.side-by-side th')
        .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().x));
      expect(columns[1]).toBeGreaterThan((columns[0] ?? 0) + 200);
    });

    it('accepts with a, rejects with a click, amends with e and Enter; all three stay after a reload', async () => {
      const { page } = e2e;
      const previewBefore = await page.locator('#preview-text').textContent();
      expect(await page.locator('#panel-number').textContent()).toBe('1');
      await page.keyboard.press('a');
      await expect.poll(progress).toBe(`1 of ${edits.length} reviewed`);
      await expectState(edit(0), 'accept', '✓');
      expect(await page.locator('#panel-number').textContent()).toBe('2');
      await page.locator('#reject-button').click();
      await expect.poll(progress).toBe(`2 of ${edits.length} reviewed`);
      await expectState(edit(1), 'reject', '✗');
      expect(await page.locator('#panel-number').textContent()).toBe('3');
      await page.keyboard.press('e');
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('amended-text');
      await page.keyboard.type('AMENDED BY CHROMIUM');
      await page.keyboard.press('Enter');
      await expect.poll(progress).toBe(`3 of ${edits.length} reviewed`);
      const live = await page.locator('#preview-text').textContent();
      expect(previewBefore).not.toContain(edit(1).mtText);
      expect(live).toContain(edit(1).mtText);
      expect(live).toContain('AMENDED BY CHROMIUM');

      await page.reload();
      await expect.poll(progress).toBe(`3 of ${edits.length} reviewed`);
      await expectState(edit(0), 'accept', '✓');
      await expectState(edit(1), 'reject', '✗');
      await expectState(edit(2), 'amend', '✎');
      await expectState(edit(3), 'undecided', '○');
      const reloaded = await page.locator('#preview-text').textContent();
      expect(reloaded).toContain(edit(1).mtText);
      expect(reloaded).toContain('AMENDED BY CHROMIUM');
      expect((await e2e.server.savedVerdicts()).map((v) => [v.editId, v.decision])).toEqual([
        [edit(0).id, 'accept'],
        [edit(1).id, 'reject'],
        [edit(2).id, 'amend'],
      ]);
    });

    it('moves with j and k, and shows every key in a table in the help dialog (?)', async () => {
      const { page } = e2e;
      await page.locator('h1').click();
      const selected = () => page.locator('a.edit-mt.selected').getAttribute('data-edit');
      const start = edits.findIndex((e) => e.id === new URL(page.url()).searchParams.get('edit'));
      expect(start).toBeGreaterThanOrEqual(1);
      expect(await selected()).toBe(edit(start).id);
      await page.keyboard.press('j');
      await expect.poll(selected).toBe(edit(start + 1).id);
      expect(await page.locator('#panel-number').textContent()).toBe(String(start + 2));
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      await expect.poll(selected).toBe(edit(start - 1).id);
      expect(await page.locator('#help').isVisible()).toBe(false);
      await page.keyboard.press('?');
      await expect.poll(() => page.locator('#help').isVisible()).toBe(true);
      const keys = await page.locator('#help table.keys tbody th').allTextContents();
      for (const key of ['a', 'r', 'e', 'c', '1–4', 'n', 'j / k', '] / [', 'f', 's', '?']) expect(keys).toContain(key);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('#help').isVisible()).toBe(false);
    });

    it('shows <script> and <img onerror> from the article as text and never runs them', async () => {
      const { page } = e2e;
      await open(e2e, '/articles/html-injection');
      await page.waitForTimeout(200);
      expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
      const shown = page.getByText('<script>alert(1)</script>', { exact: false });
      expect(await shown.count()).toBeGreaterThanOrEqual(3);
      for (const element of await shown.all()) expect(await element.isVisible()).toBe(true);
      await expect.poll(() => page.getByText('<img src=x onerror=alert(1)>').first().isVisible()).toBe(true);
      expect(await page.locator('h1').textContent()).toContain('<script> injection');
      expect(await page.locator('.side-by-side script, .side-by-side img, #preview script, #preview img').count()).toBe(
        0,
      );
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
}
