// The OpenAPI document against the app: every /api route of the route table in it (and nothing else), and real
// answers of the main routes valid against its schemas (ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createApiToken, createReviewer } from '../../src/store/index.ts';
import { openApiDocument } from '../../src/web/openapi.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** Every "METHOD /path" of the app's route table, in OpenAPI's notation ({id} for :id). */
function routeTable(server: TestServer): Set<string> {
  const app = createApp({ db: server.db, secret: 'unused' }) as unknown as { router: { stack: Layer[] } };
  const routes = new Set<string>();
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const method of Object.keys(layer.route.methods)) {
            routes.add(`${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
          }
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(app.router.stack);
  return routes;
}

const documented = new Set(
  Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  ),
);

// The document's schemas as one JSON Schema resource, so that its $refs resolve.
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
ajv.addFormat('uri', /^https?:\/\/\S+$/);
ajv.addSchema(
  JSON.parse(
    JSON.stringify({ $id: 'mt', $defs: openApiDocument.components.schemas }).replaceAll(
      '#/components/schemas/',
      'mt#/$defs/',
    ),
  ),
);

/** Checks a real answer against the schema the document gives for that path, method and status. */
async function expectValid(response: Response, path: string, method: string, status = response.status) {
  expect(response.status).toBe(status);
  const operation = (openApiDocument.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[
    path
  ]?.[method];
  const answer = operation?.responses[String(status)] as
    | { content?: { 'application/json'?: { schema: unknown } } }
    | undefined;
  const schema = answer?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${status} is documented`).toBeDefined();
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', 'mt#/$defs/')) as object,
  );
  const body = await response.json();
  const valid = validate(body);
  expect(valid, `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  return body as Record<string, unknown>;
}

let server: TestServer;
let lead: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  const reviewer = await createReviewer(server.db, 'api-lead', 'a long enough lead password', { role: 'lead' });
  lead = await createApiToken(server.db, reviewer.id, 'openapi');
  const root = await createReviewer(server.db, 'api-admin', 'a long enough admin password', { role: 'admin' });
  admin = await createApiToken(server.db, root.id, 'openapi');
});
afterAll(() => server.close());

const asLead = (path: string, method: string, body?: unknown) =>
  server.api(path, { method, headers: { Authorization: `Bearer ${lead}` }, ...(body ? { body } : {}) });
const asAdmin = (path: string, method: string, body?: unknown) =>
  server.api(path, { method, headers: { Authorization: `Bearer ${admin}` }, ...(body ? { body } : {}) });

describe('the OpenAPI document', () => {
  it('lists every /api route of the route table, and no route the app does not have', () => {
    const api = [...routeTable(server)].filter((route) => route.split(' ')[1]?.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(20);
    expect(api.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !api.includes(route))).toEqual([]);
  });

  it('is served at /api/openapi.json without signing in, and is OpenAPI 3.1', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: '3.1.0', paths: { '/api/articles': {} } });
  });

  it('describes real answers of the main routes', async () => {
    const created = await expectValid(
      await asLead('/api/articles', 'POST', {
        mt: 'The Chancellor spoke loud dpa.',
        corrected: 'The chancellor spoke, according to dpa.',
        title: 'Open API',
        published: '2026-12-01',
      }),
      '/api/articles',
      'post',
      201,
    );
    await expectValid(
      await asLead('/api/articles', 'POST', {
        mt: 'The Chancellor spoke loud dpa.',
        corrected: 'The chancellor spoke, according to dpa.',
        title: 'Open API',
        published: '2026-12-01',
      }),
      '/api/articles',
      'post',
      200,
    );
    const id = created.id as string;
    await expectValid(
      await asLead(`/api/articles/${id}`, 'PUT', { mt: 'The Chancellor spoke.' }),
      '/api/articles/{id}',
      'put',
      200,
    );
    await expectValid(await server.api(`/api/articles/${id}/revisions`), '/api/articles/{id}/revisions', 'get', 200);
    await expectValid(await server.api('/api/articles'), '/api/articles', 'get', 200);
    const article = await expectValid(
      await server.api('/api/articles/lavrov-in-china'),
      '/api/articles/{id}',
      'get',
      200,
    );
    const editId = (article.edits as { id: string }[])[0]?.id as string;
    await expectValid(
      await server.api(`/api/edits/${editId}/verdicts`, { method: 'POST', body: { decision: 'accept' } }),
      '/api/edits/{editId}/verdicts',
      'post',
      201,
    );
    await expectValid(await server.api('/api/taxonomy'), '/api/taxonomy', 'get', 200);
    await expectValid(await server.api('/api/stats'), '/api/stats', 'get', 200);
  });

  it('describes real answers of the newer routes', async () => {
    await expectValid(await server.api('/api/articles?archived=all&limit=1'), '/api/articles', 'get', 200);
    await expectValid(await server.api('/api/stats?sort=worst&perPage=1&page=2'), '/api/stats', 'get', 200);
    await expectValid(await server.api('/api/stats/reviewers?limit=1'), '/api/stats/reviewers', 'get', 200);
    const recurring = await expectValid(await server.api('/api/recurring?limit=5'), '/api/recurring', 'get', 200);
    const key = (recurring.groups as { key: string }[])[0]?.key;
    expect(key).toBeDefined();
    if (key) {
      await expectValid(await server.api(`/api/recurring/${key}`), '/api/recurring/{key}', 'get', 200);
      await expectValid(
        await server.api('/api/bulk-verdicts', { method: 'POST', body: { key, decision: 'accept', dryRun: true } }),
        '/api/bulk-verdicts',
        'post',
        200,
      );
    }
    await expectValid(await server.api('/api/next-article'), '/api/next-article', 'get', 200);
    await expectValid(
      await asLead('/api/articles/lavrov-in-china/archive', 'POST'),
      '/api/articles/{id}/archive',
      'post',
      200,
    );
    await expectValid(
      await asLead('/api/articles/lavrov-in-china/unarchive', 'POST'),
      '/api/articles/{id}/unarchive',
      'post',
      200,
    );
    const created = await expectValid(
      await asAdmin('/api/webhooks', 'POST', { url: 'https://example.org/hook', events: ['article.created'] }),
      '/api/webhooks',
      'post',
      201,
    );
    expect(typeof created.secret).toBe('string');
    const hookId = (created.webhook as { id: number }).id;
    await expectValid(await asAdmin('/api/webhooks', 'GET'), '/api/webhooks', 'get', 200);
    await expectValid(await asAdmin(`/api/webhooks/${hookId}`, 'GET'), '/api/webhooks/{id}', 'get', 200);
    await expectValid(
      await asAdmin(`/api/webhooks/${hookId}/disable`, 'POST'),
      '/api/webhooks/{id}/disable',
      'post',
      200,
    );
    await expectValid(await asAdmin('/api/webhooks/deliveries?limit=5', 'GET'), '/api/webhooks/deliveries', 'get', 200);
  });

  it('describes the error answers', async () => {
    await expectValid(await asLead('/api/articles', 'POST', { title: '' }), '/api/articles', 'post', 400);
    await expectValid(
      await asLead('/api/articles', 'POST', { mt: 'x'.repeat(2 * 1024 * 1024 + 1) }),
      '/api/articles',
      'post',
      413,
    );
    await expectValid(
      await server.api('/api/articles', { method: 'POST', body: { mt: 'x' } }),
      '/api/articles',
      'post',
      403,
    );
    await expectValid(await server.api('/api/articles/nope/revisions'), '/api/articles/{id}/revisions', 'get', 404);
    await expectValid(await fetch(`${server.url}/api/articles`), '/api/articles', 'get', 401);
    await expectValid(await server.api('/api/articles?status=lost'), '/api/articles', 'get', 400);
    await expectValid(await server.api('/api/stats?perPage=501'), '/api/stats', 'get', 400);
    await expectValid(await asLead('/api/webhooks', 'GET'), '/api/webhooks', 'get', 403);
    await expectValid(await asAdmin('/api/webhooks/999999', 'GET'), '/api/webhooks/{id}', 'get', 404);
    await expectValid(
      await server.api('/api/articles/nope/archive', { method: 'POST' }),
      '/api/articles/{id}/archive',
      'post',
      403,
    );
    await expectValid(await asLead('/api/articles/nope/archive', 'POST'), '/api/articles/{id}/archive', 'post', 404);
    await expectValid(
      await server.api('/api/bulk-verdicts/999999/undo', { method: 'POST' }),
      '/api/bulk-verdicts/{actionId}/undo',
      'post',
      404,
    );
    await expectValid(await server.api('/api/articles/nope/events'), '/api/articles/{id}/events', 'get', 404);
  });
});
