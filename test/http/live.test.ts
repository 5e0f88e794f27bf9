// Live updates: GET /api/articles/:id/events tells every open page of an article about each committed change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createReviewer, listEdits } from '../../src/store/index.ts';
import { LiveStreams } from '../../src/web/routes/live.ts';
import { type EventStream, openEventStream, type StreamEvent } from '../support/events.ts';
import { reviewerPassword, type Session, startTestServer, type TestServer } from '../support/server.ts';

const article = 'lavrov-in-china';
const eventsPath = `/api/articles/${article}/events`;
let server: TestServer;
let liveStreams: LiveStreams;
let session: Session;
let editIds: string[];
const open: EventStream[] = [];

async function stream(headers: Record<string, string>, path = eventsPath): Promise<EventStream> {
  const opened = await openEventStream(`${server.url}${path}`, headers);
  open.push(opened);
  return opened;
}
const bearer = () => ({ Authorization: `Bearer ${server.apiToken}` });
const revisionOf = (event: StreamEvent) => (event.data as { revision: number | null }).revision;
const verdict = (editId: string, body: unknown) =>
  server.api(`/api/edits/${encodeURIComponent(editId)}/verdicts`, { method: 'POST', body });

beforeAll(async () => {
  liveStreams = new LiveStreams({ heartbeatMs: 100, maxPerReviewer: 6 });
  server = await startTestServer({ liveStreams });
  session = await server.signIn();
  editIds = (await listEdits(server.db, article)).map((edit) => edit.id);
});
afterAll(async () => {
  for (const opened of open) opened.close();
  await server.close();
});

describe('GET /api/articles/:id/events', () => {
  it('is refused without a reviewer (401) and for an unknown article (404), as JSON', async () => {
    const anonymous = await fetch(`${server.url}${eventsPath}`, { headers: { Accept: 'application/json' } });
    expect(anonymous.status).toBe(401);
    const unknown = await server.api('/api/articles/no-such-article/events');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'no article "no-such-article"' });
  });

  it('starts with the current revision, then sends a change within a second of a verdict, and of its undo', async () => {
    const events = await stream(bearer());
    expect(events.status).toBe(200);
    expect(events.contentType).toBe('text/event-stream; charset=utf-8');
    const ready = await events.next((event) => event.event === 'ready');
    expect(ready.data).toMatchObject({ articleId: article });
    const before = revisionOf(ready) as number;

    const sent = performance.now();
    expect((await verdict(editIds[0] as string, { decision: 'accept' })).status).toBe(201);
    const change = await events.next((event) => event.event === 'change', 1_000);
    expect(performance.now() - sent).toBeLessThan(1_000);
    expect(change.data).toEqual({ articleId: article, revision: before + 1 });
    expect(change.id).toBe(String(before + 1));

    const undo = await server.api(`/api/edits/${editIds[0]}/verdicts/retraction`, { method: 'POST', body: {} });
    expect(undo.status).toBe(200);
    const undone = await events.next((event) => event.event === 'change', 1_000);
    expect(revisionOf(undone)).toBeGreaterThan(before + 1);
  });

  it('keeps two tabs of one reviewer in step, and tells a page of another article nothing', async () => {
    const tabA = await stream({ Cookie: session.cookie });
    const tabB = await stream({ Cookie: session.cookie });
    const other = await stream(bearer(), '/api/articles/mt-only/events');
    for (const tab of [tabA, tabB, other]) await tab.next((event) => event.event === 'ready');
    // A form post from tab A, as the page without JavaScript sends it.
    const posted = await session.postForm(`/articles/${article}/edits/${editIds[1]}/verdicts`, { decision: 'reject' });
    expect(posted.status).toBe(303);
    const [a, b] = await Promise.all([tabA, tabB].map((tab) => tab.next((event) => event.event === 'change', 1_000)));
    expect(revisionOf(a as StreamEvent)).toBe(revisionOf(b as StreamEvent));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(other.events.filter((event) => event.event === 'change')).toEqual([]);
  });

  it('sends a heartbeat while idle, and a lead’s action (opening the review) as a change too', async () => {
    const events = await stream(bearer());
    await events.next((event) => event.event === 'ready');
    await events.next((event) => event.event === 'comment' && event.data === 'heartbeat', 1_000);
    const lead = await createReviewer(server.db, 'lea', reviewerPassword, { role: 'lead' });
    const token = await createApiToken(server.db, lead.id, 'live');
    const opened = await fetch(`${server.url}/api/articles/${article}/review-mode`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ mode: 'open' }),
    });
    expect(opened.status).toBe(200);
    await events.next((event) => event.event === 'change', 1_000);
  });

  it('refuses a reviewer more streams than the limit (429) and ends every stream when the server stops', async () => {
    while (liveStreams.size < 6) await stream(bearer());
    const over = await server.api(eventsPath);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: string }).error).toContain('at most 6 live streams');
    const someStream = open.at(-1) as EventStream;
    liveStreams.close();
    await someStream.ended;
    expect(liveStreams.size).toBe(0);
    expect((await server.api(eventsPath)).status).toBe(503);
  });
});
