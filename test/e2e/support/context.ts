// What the e2e suites share: the running server and the one browser page they take turns with, and API reads.
import type { BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../../support/server.ts';

/** The e2e run: set up once by test/e2e/review.test.ts, then read by each suite inside its tests. */
export interface E2E {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  /** Where screenshots go (test-artifacts/, ignored by git). */
  artifacts: string;
}

/** An edit as GET /api/articles/:id gives it. */
export interface ApiEdit {
  id: string;
  number: number;
  mtStart: number;
  mtEnd: number;
  mtText: string;
  correctedText: string;
  origin: string;
  checkId: string | null;
  suggestedCategory: string | null;
  verdicts: {
    decision: string;
    category: string | null;
    severity: string | null;
    note: string | null;
    amendedText: string | null;
  }[];
  outcome: {
    state: string;
    decision: string | null;
    category: string | null;
    severity: string | null;
    amendedText: string | null;
  };
}

/** An article as GET /api/articles/:id gives it. */
export interface ApiArticle {
  mt: string;
  preview: string;
  edits: ApiEdit[];
}

/** The article through the API (with the harness's token), as the store holds it now. */
export async function apiArticle(e2e: E2E, id: string): Promise<ApiArticle> {
  return (await (await e2e.server.api(`/api/articles/${id}`)).json()) as ApiArticle;
}

/** Opens a page of the app and waits for it to load. */
export async function open(e2e: E2E, path: string): Promise<void> {
  await e2e.page.goto(`${e2e.server.url}${path}`);
  await e2e.page.waitForLoadState('load');
}
