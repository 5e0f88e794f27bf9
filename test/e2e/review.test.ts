// The pages in Debian's Chromium: one browser and one page for the whole file, taken in turn by the suites in
// suites/ (their order matters: the keyboard review leaves the verdicts the filters and the contrast check use).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { importArticleFolder } from '../../src/import-corpus.ts';
import { setReviewerRole } from '../../src/store/index.ts';
import { repoRoot, startTestServer } from '../support/server.ts';
import { accessibilitySuite } from './suites/accessibility.ts';
import { basicsSuite } from './suites/basics.ts';
import { filtersSuite } from './suites/filters.ts';
import { inlineEditSuite } from './suites/inline-edit.ts';
import { keyboardSuite } from './suites/keyboard.ts';
import { layoutSuite } from './suites/layout.ts';
import { liveSuite } from './suites/live.ts';
import { sourceSuite } from './suites/source.ts';
import { teamSuite } from './suites/team.ts';
import { executablePath, launchChromium } from './support/browser.ts';
import type { E2E } from './support/context.ts';

const haveChromium = existsSync(executablePath);
// Under CI the browser test must run: a missing Chromium fails it instead of skipping it.
const mustRun = process.env.CI === 'true';

const e2e = { artifacts: join(repoRoot, 'test-artifacts') } as E2E;
const dialogs: string[] = [];
const pageErrors: string[] = [];
let profile = '';

describe.runIf(haveChromium || mustRun)('the pages in Chromium', () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${executablePath} is missing and CI=true: the browser test must run in CI`);
    e2e.server = await startTestServer();
    for (const id of ['bahn-with-source', 'source-unaligned']) {
      await importArticleFolder(e2e.server.db, join(repoRoot, 'test/fixtures/articles', id));
    }
    // An admin, so that the reviewers page is among the pages checked.
    await setReviewerRole(e2e.server.db, e2e.server.reviewer.id, 'admin');
    mkdirSync(e2e.artifacts, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'mt-review-chromium-'));
    e2e.context = await launchChromium(profile);
    e2e.page = e2e.context.pages()[0] ?? (await e2e.context.newPage());
    e2e.page.setDefaultTimeout(5_000);
    e2e.page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    e2e.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await e2e.context?.close();
    await e2e.server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  basicsSuite(e2e, pageErrors, dialogs);
  sourceSuite(e2e);
  keyboardSuite(e2e);
  filtersSuite(e2e);
  inlineEditSuite(e2e);
  layoutSuite(e2e);
  accessibilitySuite(e2e);
  liveSuite(e2e);
  teamSuite(e2e);

  it('ran every page without a script error or a dialog', () => {
    if (pageErrors.length > 0 || dialogs.length > 0) throw new Error([...pageErrors, ...dialogs].join('\n'));
  });
});

// Without Chromium (and outside CI) say why, twice: as the name of a skipped test and as a line on stderr, which
// vitest prints even when its reporter folds skipped tests away. With Chromium, nothing is skipped.
if (!haveChromium && !mustRun) {
  const reason = `skipped: ${executablePath} not found; apt-get install chromium`;
  console.warn(`the pages in Chromium ${reason}`);
  describe.skip('the pages in Chromium', () => {
    it(reason, () => {});
  });
}
