// HTTP test of team review: two reviewers disagree, blind review hides it from each other, a lead adjudicates,
// approves (which locks the article) and reopens; the exports and the statistics follow the outcomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormats } from '../../src/export/formats.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createTeam, type Team } from '../support/team.ts';

interface ApiEdit {
  id: string;
  mtText: string;
  outcome: { state: string; decision: string | null; by: string[] };
  verdicts: { reviewer: string; decision: string }[];
}
interface ApiArticle {
  viewer: string | null;
  status: string;
  counts: { disputed: number; undecided: number };
  team: { mode: string; approval: { by: string } | null; assignees: string[] };
  preview: string;
  edits: ApiEdit[];
}

let server: TestServer;
let team: Team;
let edits: ApiEdit[];

const as = (name: string, path: string, body?: unknown) => team.as(name, path, body);
const article = async (name: string, query = '') =>
  (await (await as(name, `/api/articles/lavrov-in-china${query}`)).json()) as ApiArticle;
const verdict = (name: string, editId: string, body: Record<string, unknown>) =>
  as(name, `/api/edits/${editId}/verdicts`, body);
const edit = (n: number) => edits[n] as ApiEdit;

beforeAll(async () => {
  server = await startTestServer();
  team = await createTeam(
    server,
    [
      ['ann', 'reviewer'],
      ['bob', 'reviewer'],
      ['lea', 'lead'],
    ],
    'team',
  );
  edits = (await article('lea')).edits;
});
afterAll(() => server.close());

describe('two reviewers, one lead', () => {
  it('shows each reviewer their own review: blind until they decided the edit themselves', async () => {
    expect((await verdict('ann', edit(0).id, { decision: 'accept' })).status).toBe(201);
    expect((await verdict('ann', edit(1).id, { decision: 'amend', amendedText: 'Ann’s text' })).status).toBe(201);
    const bobs = await article('bob');
    expect(bobs.viewer).toBe('bob');
    // Bob decided nothing: Ann's verdicts do not show, and his progress is nil.
    expect(bobs.edits[0]?.verdicts).toEqual([]);
    expect(bobs.edits[0]?.outcome.state).toBe('undecided');
    expect(bobs.status).toBe('in review');
    expect((await verdict('bob', edit(0).id, { decision: 'reject' })).status).toBe(201);
    const after = await article('bob');
    expect(after.edits[0]?.verdicts.map((v) => [v.reviewer, v.decision])).toEqual([
      ['ann', 'accept'],
      ['bob', 'reject'],
    ]);
    expect(after.edits[0]?.outcome.state).toBe('disputed');
    expect(after.edits[1]?.verdicts).toEqual([]);
    // A reviewer cannot ask for someone else's review; a lead can.
    expect((await as('bob', '/api/articles/lavrov-in-china?reviewer=ann')).status).toBe(403);
    expect((await article('lea', '?reviewer=bob')).edits[1]?.verdicts).toEqual([]);
  });

  it('never lets the last click win: the dispute is undecided in every export and counted apart', async () => {
    const lead = await article('lea');
    expect(lead.viewer).toBeNull();
    expect(lead.edits[0]?.outcome).toMatchObject({ state: 'disputed', by: ['ann', 'bob'] });
    expect(lead.counts.disputed).toBe(1);
    for (const format of exportFormats) {
      const response = await as('lea', `/api/articles/lavrov-in-china/export?format=${format.id}&policy=keep-mt`);
      expect(response.status, format.id).toBe(200);
      expect(response.headers.get('x-disputed-edits'), format.id).toBe('1');
    }
    const txt = await (await as('lea', '/api/articles/lavrov-in-china/export?format=txt&policy=keep-mt')).text();
    // keep-mt: the disputed edit keeps the MT; Ann's agreed amendment stands.
    expect(txt).toContain('Ann’s text');
    expect(txt).toContain(edit(0).mtText.trim());
    const md = await (await as('lea', '/api/articles/lavrov-in-china/export?format=md')).text();
    expect(md).toContain('disputed_edits: 1');
    expect(md).toContain(`disputed: ["${edit(0).id}"]`);
    const json = (await (await as('lea', '/api/articles/lavrov-in-china/export?format=json')).json()) as {
      disputed: string[];
      edits: { id: string; outcome: { state: string } }[];
    };
    expect(json.disputed).toEqual([edit(0).id]);
    const stats = (await (await as('lea', '/api/stats')).json()) as { corpus: { decisions: { disputed: number } } };
    expect(stats.corpus.decisions.disputed).toBe(1);
  });

  it('lets only a lead adjudicate; the adjudication stands, with the lead’s name and note', async () => {
    const body = { decision: 'reject', note: 'the MT is right here' };
    expect((await as('bob', `/api/edits/${edit(0).id}/adjudication`, body)).status).toBe(403);
    const adjudicated = await as('lea', `/api/edits/${edit(0).id}/adjudication`, body);
    expect(adjudicated.status).toBe(201);
    const lead = await article('lea');
    expect(lead.edits[0]?.outcome).toMatchObject({ state: 'adjudicated', decision: 'reject', by: ['lea'] });
    expect(lead.counts.disputed).toBe(0);
    const csv = await (await as('lea', '/api/articles/lavrov-in-china/export?format=csv')).text();
    expect(csv).toContain('the MT is right here');
  });

  it('approves only a reviewed article, locks it (409) until reopened, and exports final text only when approved', async () => {
    const refused = await as('lea', '/api/articles/lavrov-in-china/approve', {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/undecided/);
    for (const e of edits.slice(2)) expect((await verdict('ann', e.id, { decision: 'accept' })).status).toBe(201);
    expect((await as('lea', '/api/articles/lavrov-in-china/export?format=txt&final=1')).status).toBe(409);
    expect((await as('ann', '/api/articles/lavrov-in-china/approve', {})).status).toBe(403);
    const approved = await as('lea', '/api/articles/lavrov-in-china/approve', { note: 'ready' });
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as ApiArticle).team.approval).toMatchObject({ by: 'lea' });
    expect((await article('ann')).status).toBe('approved');
    expect((await verdict('ann', edit(2).id, { decision: 'reject' })).status).toBe(409);
    expect((await as('ann', `/api/edits/${edit(2).id}/verdicts/retraction`, {})).status).toBe(409);
    expect((await as('lea', '/api/articles/lavrov-in-china/export?format=txt&final=1')).status).toBe(200);
    expect((await as('lea', '/api/articles/lavrov-in-china/reopen', {})).status).toBe(200);
    expect((await verdict('ann', edit(2).id, { decision: 'reject' })).status).toBe(201);
  });

  it('undoes a verdict: appended to the history, the reviewer’s earlier verdict stands again', async () => {
    const undone = await as('ann', `/api/edits/${edit(2).id}/verdicts/retraction`, {});
    expect(undone.status).toBe(200);
    expect(((await undone.json()) as { standing: { decision: string } }).standing.decision).toBe('accept');
    const history = (await (await as('ann', `/api/edits/${edit(2).id}/verdicts`)).json()) as {
      verdicts: { decision: string; retractedAt: string | null }[];
    };
    expect(history.verdicts.map((v) => [v.decision, v.retractedAt !== null])).toEqual([
      ['reject', true],
      ['accept', false],
    ]);
  });

  it('assigns reviewers and opens the review, for leads only', async () => {
    expect((await as('bob', '/api/articles/lavrov-in-china/assignments', { reviewer: 'ann' })).status).toBe(403);
    expect((await as('lea', '/api/articles/lavrov-in-china/assignments', { reviewer: 'ann' })).status).toBe(200);
    expect((await as('lea', '/api/articles/lavrov-in-china/assignments', { reviewer: 'nobody' })).status).toBe(404);
    const opened = await as('lea', '/api/articles/lavrov-in-china/review-mode', { mode: 'open' });
    expect(((await opened.json()) as ApiArticle).team).toMatchObject({ mode: 'open', assignees: ['ann'] });
    expect((await as('lea', '/api/articles/lavrov-in-china/review-mode', { mode: 'loud' })).status).toBe(400);
    // Open review: Bob sees Ann's verdict on an edit he never decided.
    expect((await article('bob')).edits[1]?.verdicts.map((v) => v.reviewer)).toEqual(['ann']);
  });
});
