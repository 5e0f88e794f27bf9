// Correcting MT text in place in Chromium: a selection by keyboard (Shift+arrows) or mouse opens the box at it, and
// the edit is stored with the selection's exact offsets; a selection over an edit is refused before it is sent.
import { describe, expect, it } from 'vitest';
import { type ApiEdit, apiArticle, type E2E, open } from '../support/context.ts';

/** Selects MT text as a mouse drag would: from the start of `startText` to the end of `endText` (first occurrences). */
function mouseSelect(startText: string, endText: string): string {
  return `(() => {
    const nodes = [...document.querySelectorAll('td.mt')].flatMap((td) => [...td.childNodes].filter((n) => n.nodeType === 3));
    const start = nodes.find((n) => n.textContent.includes(${JSON.stringify(startText)}));
    const end = nodes.find((n) => n.textContent.includes(${JSON.stringify(endText)}));
    const range = document.createRange();
    range.setStart(start, start.textContent.indexOf(${JSON.stringify(startText)}));
    range.setEnd(end, end.textContent.indexOf(${JSON.stringify(endText)}) + ${endText.length});
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    start.parentElement.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  })()`;
}

/** The suite, run by test/e2e/review.test.ts in its one browser. */
export function inlineEditSuite(e2e: E2E): void {
  const box = () => e2e.page.locator('#inline-edit');
  const focused = () => e2e.page.evaluate('document.activeElement?.id');
  const added = async (before: ApiEdit[]) =>
    (await apiArticle(e2e, 'lavrov-in-china')).edits.filter((e) => !before.some((b) => b.id === e.id));

  describe('a correction in place', () => {
    it('selects MT text after an edit with Shift+arrows; Enter corrects it with its exact offsets', async () => {
      const { page } = e2e;
      const { edits, mt } = await apiArticle(e2e, 'lavrov-in-china');
      const sergei = edits.find((e) => e.mtText === 'Sergei') as ApiEdit;
      await open(e2e, `/articles/lavrov-in-china?edit=${sergei.id}`);
      for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+ArrowRight');
      expect(mt.slice(sergei.mtEnd, sergei.mtEnd + 7)).toBe(' Lavrov');
      await expect.poll(() => page.locator('#inline-edit-text').textContent()).toBe(' Lavrov');
      expect(await page.evaluate('getSelection().toString()')).toBe(' Lavrov');
      expect(await box().isVisible()).toBe(true);
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await expect.poll(() => page.locator('#inline-edit-text').textContent()).toBe(' ');
      await page.keyboard.press('Control+Shift+ArrowRight');
      await page.keyboard.press('Enter');
      await expect.poll(focused).toBe('inline-edit-correction');
      await page.keyboard.type(' Lavrov (the minister)');
      await page.keyboard.press('Enter');
      await page.waitForURL(/edit=r-/);
      const [edit] = await added(edits);
      expect(edit).toMatchObject({
        mtStart: sergei.mtEnd,
        mtEnd: sergei.mtEnd + 7,
        mtText: ' Lavrov',
        correctedText: ' Lavrov (the minister)',
        origin: 'reviewer',
      });
      expect(await page.locator('a.edit-mt.selected').getAttribute('data-edit')).toBe(edit?.id);
    });

    it('opens the box at a mouse selection, focused, and adds the edit at the selected occurrence', async () => {
      const { page } = e2e;
      const { edits, mt } = await apiArticle(e2e, 'lavrov-in-china');
      // Where the words end on the page (document coordinates), before the selection and the box.
      const wordsBottom = (await page.evaluate(`(() => {
        const node = [...document.querySelectorAll('td.mt')].flatMap((td) => [...td.childNodes])
          .find((n) => n.nodeType === 3 && n.textContent.includes('Both countries'));
        const range = document.createRange();
        range.setStart(node, node.textContent.indexOf('Both countries'));
        range.setEnd(node, node.textContent.indexOf('Both countries') + 14);
        return range.getBoundingClientRect().bottom + scrollY;
      })()`)) as number;
      await page.evaluate(mouseSelect('Both countries', 'Both countries'));
      await expect.poll(focused).toBe('inline-edit-correction');
      const boxTop = (await page.evaluate(
        `document.getElementById('inline-edit').getBoundingClientRect().top + scrollY`,
      )) as number;
      expect(boxTop - wordsBottom).toBeGreaterThanOrEqual(0);
      expect(boxTop - wordsBottom).toBeLessThan(20);
      await page.keyboard.type('The two countries');
      await page.keyboard.press('Enter');
      const selected = new URL(page.url()).searchParams.get('edit');
      await page.waitForURL((url) => url.searchParams.get('edit') !== selected);
      const [edit] = await added(edits);
      expect(edit).toMatchObject({ mtStart: mt.indexOf('Both countries'), mtText: 'Both countries' });
    });

    it('refuses a selection over an edit before sending it, and Esc closes the box', async () => {
      const { page } = e2e;
      const before = (await apiArticle(e2e, 'lavrov-in-china')).edits;
      // From "Moscow" back in paragraph 4 across the edit "reports the German Press Agency" to "but".
      await page.evaluate(mouseSelect('landed in the city', 'but Russia'));
      await expect.poll(() => page.locator('#inline-edit-error').textContent()).toMatch(/overlaps edit \d+/);
      expect(await page.locator('#inline-edit-correction').isDisabled()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => box().isVisible()).toBe(false);
      expect((await apiArticle(e2e, 'lavrov-in-china')).edits).toHaveLength(before.length);
    });
  });
}
