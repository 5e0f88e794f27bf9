// Team review in Chromium: two reviewers disagree without seeing each other's first pass, a lead settles it with one
// key, approves the article (which locks it for the reviewers) and reopens it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArticleFolder } from '../../../src/import-corpus.ts';
import { createReviewer, listEdits, recordVerdictBatch } from '../../../src/store/index.ts';
import { repoRoot, reviewerPassword } from '../../support/server.ts';
import { type E2E, open } from '../support/context.ts';

const articleId = 'rewritten-paragraph';

/** The suite, run by test/e2e/review.test.ts in its one browser; it signs in as three people in turn. */
export function teamSuite(e2e: E2E): void {
  let editIds: string[] = [];
  const panelState = () => e2e.page.locator('#panel-state').getAttribute('class');
  const history = () => e2e.page.locator('#history li').allTextContents();
  const markClass = (editId: string) => e2e.page.locator(`a.edit-mt[data-edit="${editId}"]`).getAttribute('class');

  async function signInAs(name: string): Promise<void> {
    await e2e.context.clearCookies();
    await open(e2e, `/articles/${articleId}?edit=${editIds[0]}`);
    await e2e.page.getByLabel('Name').fill(name);
    await e2e.page.getByLabel('Password').fill(reviewerPassword);
    await e2e.page.getByRole('button', { name: 'Sign in' }).click();
    await e2e.page.waitForURL(new RegExp(`/articles/${articleId}`));
    await e2e.page.locator('body').click({ position: { x: 2, y: 2 } });
  }

  describe('team review', () => {
    beforeAll(async () => {
      const { db } = e2e.server;
      await importArticleFolder(db, join(repoRoot, 'test/fixtures/corpus', articleId));
      for (const [name, role] of [
        ['ann', 'reviewer'],
        ['bob', 'reviewer'],
        ['lea', 'lead'],
      ] as const) {
        await createReviewer(db, name, reviewerPassword, { role });
      }
      editIds = (await listEdits(db, articleId)).map((e) => e.id);
    });

    it('keeps the first pass blind: Bob sees Ann’s verdict only once he decided the edit, then the dispute', async () => {
      await signInAs('ann');
      await e2e.page.keyboard.press('a');
      await expect.poll(panelState).toContain('state-');
      await signInAs('bob');
      expect(await history()).toEqual(['No verdict yet.']);
      expect(await markClass(editIds[0] as string)).toContain('state-undecided');
      await e2e.page.keyboard.press('r');
      await expect.poll(() => markClass(editIds[0] as string)).toContain('state-disputed');
      await e2e.page.keyboard.press('k');
      await expect.poll(history).toHaveLength(2);
      const shown = (await history()).join('\n');
      expect(shown).toContain('ann');
      expect(shown).toContain('bob');
    });

    it('lets the lead see both verdicts side by side and settle the dispute with Shift+R', async () => {
      await signInAs('lea');
      await expect.poll(() => markClass(editIds[0] as string)).toContain('state-disputed');
      expect(await e2e.page.locator('#history .make-final').count()).toBe(2);
      await e2e.page.keyboard.press('Shift+R');
      await expect.poll(() => markClass(editIds[0] as string)).toContain('state-reject');
      await e2e.page.reload();
      expect(await markClass(editIds[0] as string)).toContain('state-reject');
      expect((await history())[0]).toContain('final');
    });

    it('approves the reviewed article, which refuses the reviewers’ verdicts until the lead reopens it', async () => {
      // The other edits (the checks' suggestions, if any) decided by Ann, so that every edit stands.
      const ann = (await e2e.server.db.get<{ id: number }>("SELECT id FROM reviewers WHERE name = 'ann'")) as {
        id: number;
      };
      const rest = editIds.slice(1).map((editId) => ({ editId, reviewerId: ann.id, decision: 'accept' as const }));
      await recordVerdictBatch(e2e.server.db, rest);
      await e2e.page.reload();
      await e2e.page.getByRole('button', { name: 'Approve' }).click();
      await e2e.page.waitForLoadState('load');
      await expect.poll(() => e2e.page.locator('.team-review').textContent()).toContain('Status: approved');
      await signInAs('ann');
      await e2e.page.keyboard.press('a');
      await expect.poll(() => e2e.page.locator('#panel-error').textContent()).toContain('approved');
      await signInAs('lea');
      await e2e.page.getByRole('button', { name: 'Reopen' }).click();
      await e2e.page.waitForLoadState('load');
      await expect.poll(() => e2e.page.locator('.team-review').textContent()).toContain('Status: reviewed');
    });
  });
}
