// Live updates in Chromium: a verdict made elsewhere (the API, another tab of the same reviewer) shows in an open
// review page within moments, without a reload.
import { describe, expect, it } from 'vitest';
import { type ApiEdit, apiArticle, type E2E, open } from '../support/context.ts';

/** The suite, run by test/e2e/review.test.ts in its one browser. */
export function liveSuite(e2e: E2E): void {
  describe('live updates', () => {
    it('updates an open page when a verdict is recorded through the API, and a second tab when the first decides', async () => {
      // An article with two edits nobody decided yet (the suites before decided some).
      let article = '';
      let undecided: ApiEdit[] = [];
      for (const id of ['source-unaligned', 'bahn-with-source', 'html-injection', 'lavrov-in-china']) {
        undecided = (await apiArticle(e2e, id)).edits.filter((e) => e.outcome.state === 'undecided');
        article = id;
        if (undecided.length >= 2) break;
      }
      const [first, second] = undecided as [ApiEdit, ApiEdit];
      expect(second).toBeDefined();
      await open(e2e, `/articles/${article}?edit=${first.id}`);
      const other = await e2e.context.newPage();
      try {
        await other.goto(`${e2e.server.url}/articles/${article}?edit=${second.id}`);
        await other.waitForLoadState('load');
        const stateOf = (page: typeof other, edit: ApiEdit) =>
          page.locator(`a.edit-mt[data-edit="${edit.id}"]`).getAttribute('class');
        // Both pages hold their event stream open before anything changes.
        await expect.poll(() => stateOf(other, first)).toContain('state-undecided');

        const posted = await e2e.server.api(`/api/edits/${first.id}/verdicts`, {
          method: 'POST',
          body: { decision: 'reject' },
        });
        expect(posted.status).toBe(201);
        for (const page of [e2e.page, other]) {
          await expect.poll(() => stateOf(page, first), { timeout: 3_000 }).toContain('state-reject');
        }

        // The second tab decides its selected edit by key; the first tab follows.
        await other.bringToFront();
        await other.keyboard.press('a');
        await expect.poll(() => stateOf(other, second), { timeout: 3_000 }).toContain('state-accept');
        await expect.poll(() => stateOf(e2e.page, second), { timeout: 3_000 }).toContain('state-accept');
      } finally {
        await other.close();
        await e2e.page.bringToFront();
      }
    });
  });
}
