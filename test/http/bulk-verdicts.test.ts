// HTTP test of bulk review: recurring groups across three articles, a dry run, accepting a group, skipping another
// reviewer's verdict and an approved article, undoing the action in one step, and the next article to open.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticleFolder } from '../../src/import-corpus.ts';
import { repoRoot, startTestServer, type TestServer } from '../support/server.ts';
import { createTeam, type Team } from '../support/team.ts';

interface Group {
  key: string;
  checkId: string | null;
  mtText: string;
  correctedText: string;
  occurrences: number;
  articles: number;
  undecided: number;
}
interface Occurrence {
  editId: string;
  articleId: string;
  mine: string | null;
  decidedByOthers: boolean;
  locked: boolean;
}
interface BulkAnswer {
  actionId: number | null;
  label: string;
  dryRun: boolean;
  counts: { recorded: number; skipped: number };
  recorded: { editId: string; articleId: string; verdictId: number | null }[];
  skipped: { editId: string; articleId: string | null; reason: string }[];
}

let server: TestServer;
let team: Team;
const articles = ['recurring-1', 'recurring-2', 'recurring-3'];

const as = (name: string, path: string, body?: unknown) => team.as(name, path, body);
const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;
const groups = async () => (await json<{ groups: Group[] }>(as('ann', '/api/recurring'))).groups;
const groupOf = async (checkId: string) => (await groups()).find((g) => g.checkId === checkId) as Group;
const occurrences = async (name: string, key: string) =>
  (await json<{ occurrences: Occurrence[] }>(as(name, `/api/recurring/${key}`))).occurrences;

beforeAll(async () => {
  server = await startTestServer();
  for (const id of articles) await importArticleFolder(server.db, join(repoRoot, 'test/fixtures/recurring', id));
  team = await createTeam(
    server,
    [
      ['ann', 'reviewer'],
      ['bob', 'reviewer'],
      ['lea', 'lead'],
    ],
    'bulk',
  );
});
afterAll(() => server.close());

describe('recurring corrections', () => {
  it('groups each check suggestion that recurs across the three articles, most frequent first', async () => {
    const all = await groups();
    const share = all.find((g) => g.checkId === 'share-button');
    expect(share).toMatchObject({ mtText: '\n\nPrint Share', correctedText: '', occurrences: 3, articles: 3 });
    expect(share?.undecided).toBe(3);
    expect(all.find((g) => g.checkId === 'breadcrumb')).toMatchObject({ occurrences: 3, articles: 3 });
    const counts = all.map((g) => g.occurrences);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(all.every((g) => g.occurrences >= 2 && /^[A-Za-z0-9_-]{22}$/.test(g.key))).toBe(true);
  });

  it('pages the groups and refuses a bad page or limit by name', async () => {
    const first = await json<{ groups: Group[]; total: number; next: string | null }>(
      as('ann', '/api/recurring?limit=1'),
    );
    expect(first.groups).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.next).toBe('/api/recurring?page=2&limit=1');
    const bad = await as('ann', '/api/recurring?limit=100000');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('limit');
    expect((await as('ann', '/api/recurring/not-a-key')).status).toBe(404);
  });

  it('shows every occurrence in context, escaped, on the group page', async () => {
    const share = await groupOf('share-button');
    const page = await fetch(`${server.url}/recurring/${share.key}`, {
      headers: { Authorization: `Bearer ${team.tokens.ann}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const title of ['Council budget', 'Rules for cyclists', 'Farmers protest']) expect(html).toContain(title);
    expect(html.match(/name="editIds"/g)).toHaveLength(3);
    expect(html).toContain('Accept all');
    expect(html).toContain('<mark><del>');
  });
});

describe('bulk verdicts', () => {
  it('answers a dry run with what would happen and records nothing', async () => {
    const share = await groupOf('share-button');
    const before = (await server.savedVerdicts()).length;
    const answer = await json<BulkAnswer>(
      as('ann', '/api/bulk-verdicts', { key: share.key, decision: 'accept', dryRun: true }),
    );
    expect(answer).toMatchObject({ actionId: null, dryRun: true, counts: { recorded: 3, skipped: 0 } });
    expect(answer.recorded.map((r) => r.articleId).sort()).toEqual(articles);
    expect((await server.savedVerdicts()).length).toBe(before);
  });

  it('refuses bad input naming the field', async () => {
    for (const [body, field] of [
      [{ decision: 'accept' }, 'key'],
      [{ key: 'short', decision: 'accept' }, 'key'],
      [{ editIds: ['x'], decision: 'amend' }, 'decision'],
      [{ editIds: 'x', decision: 'accept', severity: 'huge' }, 'severity'],
      [{ editIds: [1, 2], decision: 'accept' }, 'editIds'],
    ] as const) {
      const response = await as('ann', '/api/bulk-verdicts', body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(field);
    }
    const unknown = await as('ann', '/api/bulk-verdicts', { key: 'A'.repeat(22), decision: 'accept' });
    expect(unknown.status).toBe(404);
  });

  it('accepts across three articles, skips another reviewer’s verdict, and undoes in one step', async () => {
    const breadcrumb = await groupOf('breadcrumb');
    const [first] = await occurrences('bob', breadcrumb.key);
    // Bob decided the first occurrence himself: Ann's bulk action must leave it alone.
    expect((await as('bob', `/api/edits/${first?.editId}/verdicts`, { decision: 'reject' })).status).toBe(201);
    const response = await as('ann', '/api/bulk-verdicts', {
      key: breadcrumb.key,
      decision: 'accept',
      category: 'accuracy/addition',
      note: 'site furniture',
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as BulkAnswer;
    expect(answer.counts).toEqual({ recorded: 2, skipped: 1 });
    expect(answer.skipped).toEqual([{ editId: first?.editId, articleId: first?.articleId, reason: 'other-reviewer' }]);
    const saved = await server.savedVerdicts();
    const ann = saved.filter((v) => v.reviewerName === 'ann');
    expect(ann).toHaveLength(2);
    for (const v of ann) {
      expect(v).toMatchObject({ decision: 'accept', category: 'accuracy/addition' });
      expect(v.note).toBe(`bulk: ${answer.label} (action ${answer.actionId}): site furniture`);
    }
    expect(answer.label).toContain('breadcrumb');
    expect((await groupOf('breadcrumb')).undecided).toBe(0);
    // The same action again finds them decided by Ann: nothing to record.
    const again = await json<BulkAnswer>(as('ann', '/api/bulk-verdicts', { key: breadcrumb.key, decision: 'accept' }));
    expect(again.actionId).toBeNull();
    expect(again.skipped.map((s) => s.reason).sort()).toEqual(['other-reviewer', 'yours', 'yours']);

    const undo = await as('ann', `/api/bulk-verdicts/${answer.actionId}/undo`, {});
    expect(undo.status).toBe(200);
    expect(((await undo.json()) as { counts: unknown }).counts).toEqual({ retracted: 2, skipped: 0 });
    const after = await occurrences('ann', breadcrumb.key);
    expect(after.filter((o) => o.mine !== null)).toEqual([]);
    // Bob's verdict stands; two retractions, appended, nothing deleted.
    expect((await groupOf('breadcrumb')).undecided).toBe(2);
    const history = await server.savedVerdicts();
    expect(history.filter((v) => v.reviewerName === 'ann' && v.retractedAt !== null)).toHaveLength(2);
    expect(history.find((v) => v.reviewerName === 'bob')?.retractedAt).toBeNull();
    // Once is enough; and only the reviewer who did it may undo it.
    expect((await as('ann', `/api/bulk-verdicts/${answer.actionId}/undo`, {})).status).toBe(409);
    expect((await as('bob', `/api/bulk-verdicts/${answer.actionId}/undo`, {})).status).toBe(404);
  });

  it('takes the chosen edits only, and skips an approved article', async () => {
    const byline = await groupOf('byline-label');
    const all = await occurrences('bob', byline.key);
    const locked = all[2] as Occurrence;
    // A lead decides every edit of the third article and approves it: it is locked.
    const article = await json<{ edits: { id: string }[] }>(as('lea', `/api/articles/${locked.articleId}`));
    for (const edit of article.edits) {
      expect((await as('lea', `/api/edits/${edit.id}/adjudication`, { decision: 'accept' })).status).toBe(201);
    }
    expect((await as('lea', `/api/articles/${locked.articleId}/approve`, {})).status).toBeLessThan(300);
    const chosen = all.map((o) => o.editId);
    const answer = await json<BulkAnswer>(
      as('bob', '/api/bulk-verdicts', {
        key: byline.key,
        editIds: [chosen[0], chosen[2], 'no-such-edit'],
        decision: 'reject',
      }),
    );
    expect(answer.counts).toEqual({ recorded: 1, skipped: 2 });
    expect(answer.skipped.map((s) => s.reason).sort()).toEqual(['approved', 'unknown']);
    expect((await occurrences('bob', byline.key)).map((o) => o.mine)).toEqual(['reject', null, null]);
  });

  it('bulk-reviews from the form with the session’s CSRF token, and undoes from the result page', async () => {
    const session = await server.signIn();
    const share = await groupOf('share-button');
    const ids = (await occurrences('ann', share.key)).map((o) => o.editId);
    const forged = await session.postForm(`/recurring/${share.key}/verdicts`, { _csrf: 'wrong', decision: 'accept' });
    expect(forged.status).toBe(403);
    const none = await session.postForm(`/recurring/${share.key}/verdicts`, { decision: 'accept' });
    expect(none.status).toBe(400);
    const body = new URLSearchParams({ _csrf: session.csrfToken, decision: 'accept' });
    for (const id of ids.slice(0, 2)) body.append('editIds', id);
    const done = await session.fetch(`/recurring/${share.key}/verdicts`, { method: 'POST', body });
    expect(done.status).toBe(201);
    const html = await done.text();
    expect(html).toContain('2 recorded, 0 skipped');
    const actionId = /action (\d+)\)/.exec(html)?.[1];
    const undone = await session.postForm(`/bulk-actions/${actionId}/undo`, { key: share.key });
    expect(undone.status).toBe(200);
    expect(await undone.text()).toContain('2 retracted');
  });
});

describe('the next article', () => {
  it('is the next one assigned to me with edits left, else the next I have not decided', async () => {
    const next = async (name: string, after: string) =>
      (await json<{ next: { articleId: string; reason: string } | null }>(as(name, `/api/next-article?after=${after}`)))
        .next;
    expect(await next('ann', 'recurring-1')).toMatchObject({ articleId: 'recurring-2', reason: 'unreviewed' });
    const assign = await as('lea', '/api/articles/recurring-1/assignments', { reviewer: 'ann' });
    expect(assign.status).toBeLessThan(300);
    expect(await next('ann', 'recurring-2')).toMatchObject({ articleId: 'recurring-1', reason: 'assigned' });
    const redirect = await fetch(`${server.url}/next-article?after=recurring-2`, {
      headers: { Authorization: `Bearer ${team.tokens.ann}` },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('/articles/recurring-1');
  });
});
