// Every page at phone and tablet width in Chromium: no sideways scroll, touch targets of 44 px, the review page's
// columns stacked per paragraph with the verdict panel as a bottom sheet by the selected edit; screenshots.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidewaysOverflow } from '../support/browser.ts';
import { apiArticle, type E2E, open } from '../support/context.ts';

/** Every page of the app (the history of one edit of the seed article is added by the suite). */
export const everyPage = [
  '/',
  '/articles/lavrov-in-china',
  '/articles/bahn-with-source',
  '/stats',
  '/sign-in',
  '/account',
  '/reviewers',
];

/** The suite, run by test/e2e/review.test.ts in its one browser. */
export function layoutSuite(e2e: E2E): void {
  describe('any screen', () => {
    it('scrolls no page sideways at 390 px and at 768 px', async () => {
      const edit = (await apiArticle(e2e, 'lavrov-in-china')).edits[0];
      const pages = [...everyPage, `/articles/lavrov-in-china/edits/${edit?.id}/history`];
      for (const width of [390, 768]) {
        await e2e.page.setViewportSize({ width, height: width === 390 ? 844 : 1024 });
        for (const path of pages) {
          await open(e2e, path);
          expect(await sidewaysOverflow(e2e.page), `${path} at ${width} px`).toBe(0);
        }
      }
    });

    it('gives every control a touch target of at least 44 by 44 px at 390 px', async () => {
      await e2e.page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/', '/articles/bahn-with-source', '/stats', '/account']) {
        await open(e2e, path);
        const small = await e2e.page.evaluate(`[...document.querySelectorAll(
          'button, select, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), summary, header.top a, fieldset.severity label, label.check'
        )].filter((e) => e.getClientRects().length > 0 && !e.closest('dialog:not([open]), [hidden]'))
          .map((e) => [e.tagName + ' ' + e.textContent.trim().slice(0, 20), e.getBoundingClientRect()])
          .filter(([, r]) => r.height < 44 || r.width < 44).map(([name, r]) => name + ' ' + r.width + 'x' + r.height)`);
        expect(small, path).toEqual([]);
      }
    });

    it('stacks source, MT and corrected per paragraph, and keeps the selected edit above the bottom sheet', async () => {
      const { page } = e2e;
      await open(e2e, '/articles/bahn-with-source');
      const boxes = await page
        .locator('.side-by-side tbody tr')
        .nth(3)
        .locator('td')
        .evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect()).map((r) => [r.x, r.y]));
      expect(boxes.map(([x]) => x)).toEqual([boxes[0]?.[0], boxes[0]?.[0], boxes[0]?.[0]]);
      expect(boxes.map(([, y]) => y)).toEqual([...boxes.map(([, y]) => y)].sort((a = 0, b = 0) => a - b));
      const sheet = await page.locator('#panel').boundingBox();
      expect(Math.round((sheet?.y ?? 0) + (sheet?.height ?? 0))).toBe(844);
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('j');
        const mark = await page.locator('a.edit-mt.selected').boundingBox();
        expect(mark?.y).toBeGreaterThanOrEqual(0);
        expect((mark?.y ?? 0) + (mark?.height ?? 0)).toBeLessThanOrEqual(sheet?.y ?? 0);
      }
    });

    it('saves screenshots at 1400 and 390 px to test-artifacts/', async () => {
      const { page } = e2e;
      for (const [width, height] of [
        [1400, 900],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [name, path] of [
          ['review', '/articles/lavrov-in-china'],
          ['review-source', '/articles/bahn-with-source'],
          ['stats', '/stats'],
          ['articles', '/'],
        ]) {
          await open(e2e, path as string);
          await page.screenshot({ path: join(e2e.artifacts, `${name}-${width}.png`) });
        }
      }
      await page.setViewportSize({ width: 1400, height: 900 });
    });
  });
}
