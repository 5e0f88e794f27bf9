// The OpenAPI 3.1 description of every JSON route, served at /api/openapi.json; a test keeps it true to the routes.
import { ARTICLE_JSON_FIELDS } from '../corpus/article-json.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const text: Schema = { type: 'string' };
const nullableText: Schema = { type: ['string', 'null'] };
const count: Schema = { type: 'integer', minimum: 0 };
const anyObject: Schema = { type: 'object' };

const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => json(ref('Error'), description);

/** The answers every route may give besides its own: refused input, no sign-in, no right, unknown, conflict. */
const errors = {
  '400': problem('Invalid input: `fields` names each field and its problem'),
  '401': problem('No session and no valid `Authorization: Bearer` token'),
  '403': problem('The role does not allow it, or a session request without its CSRF token'),
  '404': problem('No such article, edit or reviewer'),
  '409': problem('Conflicts with the stored state (an id taken, an approved article)'),
};

const idParam = { name: 'id', in: 'path', required: true, schema: text, description: 'The article id (a slug)' };
const editParam = { name: 'editId', in: 'path', required: true, schema: text, description: 'The edit id' };
const reviewerParam = { name: 'id', in: 'path', required: true, schema: text, description: 'The reviewer id' };

type Operation = {
  summary: string;
  params?: unknown[];
  body?: Schema;
  ok: Record<string, unknown>;
  query?: unknown[];
};

function op({ summary, params = [], body, ok, query = [] }: Operation) {
  return {
    summary,
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: { ...ok, ...errors },
  };
}

const metaProperties = Object.fromEntries(
  ARTICLE_JSON_FIELDS.map((field) => [
    field,
    {
      type: 'string',
      ...(field === 'published' ? { format: 'date' } : {}),
      ...(field === 'url' ? { format: 'uri' } : {}),
    },
  ]),
);

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: text,
      fields: {
        type: 'array',
        items: { type: 'object', required: ['field', 'message'], properties: { field: text, message: text } },
      },
    },
  },
  ArticleIn: {
    type: 'object',
    description:
      'An article as the corpus loader takes a folder: texts of at most 2 MiB of UTF-8 each (413 above), ' +
      'normalised (BOM removed, CRLF to LF); unknown fields are ignored.',
    required: ['mt'],
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 },
      mt: { type: 'string', minLength: 1, description: 'The machine translation' },
      corrected: { type: ['string', 'null'], minLength: 1, description: 'The post-edit: every difference is an edit' },
      source: { type: ['string', 'null'], minLength: 1, description: 'The original text' },
      ...metaProperties,
    },
  },
  ImportAnswer: {
    type: 'object',
    required: ['id', 'url', 'page', 'status', 'edits'],
    properties: {
      id: text,
      url: text,
      page: text,
      status: { enum: ['new', 'updated', 'unchanged'] },
      edits: {
        type: 'object',
        required: ['added', 'staled', 'revived'],
        properties: { added: count, staled: count, revived: count },
      },
      revision: { type: 'integer', minimum: 1 },
    },
    additionalProperties: false,
  },
  Revision: {
    type: 'object',
    required: [
      'number',
      'via',
      'by',
      'contentHash',
      'mtBytes',
      'added',
      'staled',
      'revived',
      'reviewedStaled',
      'createdAt',
    ],
    properties: {
      number: { type: 'integer', minimum: 1 },
      via: { enum: ['corpus', 'api', 'upload', 'browser', 'jsonl'] },
      by: nullableText,
      contentHash: text,
      mtBytes: count,
      correctedBytes: { type: ['integer', 'null'] },
      sourceBytes: { type: ['integer', 'null'] },
      added: count,
      staled: count,
      revived: count,
      reviewedStaled: { ...count, description: 'Edits with verdicts that turned stale (verdicts kept)' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  RevisionPage: {
    type: 'object',
    required: ['id', 'revisions'],
    properties: { id: text, revisions: { type: 'array', items: ref('Revision') }, next: text },
  },
  ArticleList: {
    type: 'object',
    required: ['articles'],
    properties: {
      articles: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id'],
          properties: { id: text, title: nullableText, publisher: nullableText, published: nullableText },
        },
      },
    },
  },
  Edit: {
    type: 'object',
    required: ['id', 'mtStart', 'mtEnd', 'mtText', 'correctedText', 'origin'],
    properties: {
      id: text,
      number: { type: ['integer', 'null'] },
      mtStart: count,
      mtEnd: count,
      mtText: text,
      correctedText: text,
      origin: text,
      outcome: anyObject,
      verdicts: { type: 'array', items: anyObject },
      adjudication: { type: ['object', 'null'] },
    },
  },
  Article: {
    type: 'object',
    required: ['id', 'mt', 'corrected', 'preview', 'edits', 'staleEdits', 'history'],
    properties: {
      id: text,
      ...metaProperties,
      mt: text,
      corrected: nullableText,
      preview: text,
      viewer: { type: ['string', 'null'], description: 'Whose review: a reviewer name, or null for everyone' },
      lead: { type: 'boolean' },
      status: { enum: ['new', 'in review', 'reviewed', 'approved'] },
      team: anyObject,
      counts: anyObject,
      reviewed: count,
      edits: { type: 'array', items: ref('Edit') },
      staleEdits: { type: 'array', items: ref('Edit') },
      history: text,
    },
  },
  VerdictIn: {
    type: 'object',
    required: ['decision'],
    properties: {
      decision: { enum: ['accept', 'reject', 'amend'] },
      amendedText: text,
      category: text,
      severity: { enum: ['neutral', 'minor', 'major', 'critical'] },
      note: text,
      clientRequestId: text,
    },
  },
  VerdictRecorded: {
    type: 'object',
    required: ['verdict'],
    properties: { verdict: anyObject, duplicate: { type: 'boolean' } },
  },
};

const reviewerAction = (summary: string, body?: Schema) => ({
  post: op({
    summary,
    params: [reviewerParam],
    ...(body ? { body } : {}),
    ok: { '200': json(anyObject, 'The reviewer') },
  }),
});
const leadAction = (summary: string, body?: Schema) => ({
  post: op({
    summary,
    params: [idParam],
    ...(body ? { body } : {}),
    ok: { '200': json(anyObject, 'The team review') },
  }),
});
const pageQuery = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'before', in: 'query', schema: { type: 'integer', minimum: 1 } },
];

/** The document: paths in Express's notation turned into OpenAPI's ({id} for :id). */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'mt-review',
    version: '0.1.0',
    description:
      'Review machine-translated news. Every route needs a reviewer: `Authorization: Bearer <token>` ' +
      '(mt-review token create), or a session cookie with its CSRF token in `X-CSRF-Token` on writes.',
  },
  components: {
    schemas,
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      session: { type: 'apiKey', in: 'cookie', name: 'mtr_session' },
    },
  },
  security: [{ bearer: [] }, { session: [] }],
  paths: {
    '/api/openapi.json': {
      get: { summary: 'This document', security: [], responses: { '200': json(anyObject, 'OpenAPI 3.1') } },
    },
    '/api/articles': {
      get: op({ summary: 'The articles', ok: { '200': json(ref('ArticleList'), 'The article list') } }),
      post: op({
        summary: 'Creates an article (admins and leads); the same content again is 200 unchanged',
        body: ref('ArticleIn'),
        ok: {
          '201': { ...json(ref('ImportAnswer'), 'Created'), headers: { Location: { schema: text } } },
          '200': json(ref('ImportAnswer'), 'Already there with this content: unchanged'),
          '413': problem('A text over 2 MiB, or a body over 8 MiB'),
        },
      }),
    },
    '/api/articles/{id}': {
      get: op({
        summary: 'An article with its edits and verdicts',
        params: [idParam],
        ok: { '200': json(ref('Article'), 'The article') },
      }),
      put: op({
        summary: 'New texts for an article (admins and leads): a new revision, as a re-import of its folder',
        params: [idParam],
        body: ref('ArticleIn'),
        ok: { '200': json(ref('ImportAnswer'), 'Updated or unchanged'), '413': problem('Too large') },
      }),
    },
    '/api/articles/{id}/revisions': {
      get: op({
        summary: "The article's revisions of its texts, newest first, paged",
        params: [idParam],
        query: pageQuery,
        ok: { '200': json(ref('RevisionPage'), 'A page of revisions; `next` is the following page') },
      }),
    },
    '/api/articles/{id}/edits': {
      post: op({
        summary: 'Adds a reviewer edit',
        params: [idParam],
        body: anyObject,
        ok: { '201': json(anyObject, 'The edit') },
      }),
    },
    '/api/articles/{id}/edits/{editId}/set-aside': {
      post: op({
        summary: 'Sets a broken edit aside',
        params: [idParam, editParam],
        ok: { '200': json(anyObject, 'Set aside') },
      }),
    },
    '/api/articles/{id}/export': {
      get: {
        ...op({ summary: 'The corrected text or the review data', params: [idParam], ok: {} }),
        parameters: [
          idParam,
          { name: 'format', in: 'query', schema: { enum: ['txt', 'md', 'json', 'xliff', 'csv', 'mqm'] } },
          { name: 'policy', in: 'query', schema: { enum: ['keep-correction', 'keep-mt'] } },
        ],
        responses: {
          '200': {
            description: 'The export in the format asked for',
            content: { 'application/json': { schema: anyObject }, 'text/plain': { schema: text } },
          },
          ...errors,
        },
      },
    },
    '/api/articles/{id}/verdicts': {
      get: op({
        summary: "The article's verdict history, paged",
        params: [idParam],
        ok: { '200': json(anyObject, 'History') },
      }),
    },
    '/api/articles/{id}/approve': leadAction('Approves the article (leads): locks it'),
    '/api/articles/{id}/reopen': leadAction('Reopens an approved article (leads)'),
    '/api/articles/{id}/review-mode': leadAction('Blind or open review (leads)', {
      type: 'object',
      required: ['mode'],
      properties: { mode: { enum: ['blind', 'open'] } },
    }),
    '/api/articles/{id}/assignments': leadAction('Assigns a reviewer (leads)', {
      type: 'object',
      required: ['reviewer'],
      properties: { reviewer: text },
    }),
    '/api/articles/{id}/assignments/remove': leadAction('Unassigns a reviewer (leads)', {
      type: 'object',
      required: ['reviewer'],
      properties: { reviewer: text },
    }),
    '/api/edits/{editId}/verdicts': {
      get: op({
        summary: "The edit's verdict history",
        params: [editParam],
        ok: { '200': json(anyObject, 'History') },
      }),
      post: op({
        summary: 'Records a verdict',
        params: [editParam],
        body: ref('VerdictIn'),
        ok: { '201': json(ref('VerdictRecorded'), 'Recorded'), '200': json(ref('VerdictRecorded'), 'A repeat') },
      }),
    },
    '/api/edits/{editId}/verdicts/retraction': {
      post: op({
        summary: 'Takes back your verdict',
        params: [editParam],
        ok: { '200': json(anyObject, 'Retracted') },
      }),
    },
    '/api/edits/{editId}/adjudication': {
      post: op({
        summary: "A lead's final word",
        params: [editParam],
        body: ref('VerdictIn'),
        ok: { '201': json(ref('VerdictRecorded'), 'Recorded'), '200': json(ref('VerdictRecorded'), 'A repeat') },
      }),
    },
    '/api/edits/{editId}/adjudication/retraction': {
      post: op({
        summary: "Takes back a lead's final word",
        params: [editParam],
        ok: { '200': json(anyObject, 'Retracted') },
      }),
    },
    '/api/stats': { get: op({ summary: 'Error statistics', ok: { '200': json(anyObject, 'Statistics') } }) },
    '/api/taxonomy': { get: op({ summary: 'Categories and severities', ok: { '200': json(anyObject, 'Taxonomy') } }) },
    '/api/account/password': {
      post: op({
        summary: 'Changes your password',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          properties: { currentPassword: text, newPassword: text },
        },
        ok: { '200': json(anyObject, 'Changed') },
      }),
    },
    '/api/reviewers': {
      get: op({ summary: 'The reviewers (admins)', ok: { '200': json(anyObject, 'Reviewers') } }),
      post: op({ summary: 'Adds a reviewer (admins)', body: anyObject, ok: { '201': json(anyObject, 'Added') } }),
    },
    '/api/reviewers/{id}/role': reviewerAction('Sets the role (admins)', {
      type: 'object',
      required: ['role'],
      properties: { role: { enum: ['reviewer', 'lead', 'admin'] } },
    }),
    '/api/reviewers/{id}/disable': reviewerAction('Disables the account (admins)'),
    '/api/reviewers/{id}/enable': reviewerAction('Enables the account (admins)'),
    '/api/reviewers/{id}/reset-password': reviewerAction('A new password (admins)'),
  },
} as const;
