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
const hookParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9]+$' },
  description: 'The webhook id',
};
const deliveryParam = { ...hookParam, description: 'The delivery id (its `id`, not its `deliveryId`)' };
const keyParam = {
  name: 'key',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' },
  description: 'A group key, as GET /api/recurring lists them',
};
const actionParam = {
  name: 'actionId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
  description: 'The bulk action id (`actionId` of its answer)',
};
const query = (name: string, schema: Schema, description: string) => ({ name, in: 'query', schema, description });
const offsetQuery = (size: number, max: number) => [
  query('page', { type: 'integer', minimum: 1 }, 'The page, from 1 (default 1)'),
  query('limit', { type: 'integer', minimum: 1, maximum: max }, `Rows per page (default ${size})`),
];
const nextLink: Schema = { type: ['string', 'null'], description: 'The next page, or null on the last' };
const nullableCount: Schema = { type: ['integer', 'null'], minimum: 0 };
const share: Schema = { type: ['number', 'null'], minimum: 0, maximum: 1 };
const articleStatus: Schema = { enum: ['new', 'in review', 'reviewed', 'approved'] };
const webhookEvent: Schema = { enum: ['article.created', 'article.revised', 'article.status_changed'] };
const obj = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({
  type: 'object',
  required,
  properties,
});
const noContent = (description: string) => ({ description });

type Operation = {
  summary: string;
  params?: unknown[];
  body?: Schema;
  ok: Record<string, unknown>;
  query?: unknown[];
  /** What this route's refusals mean, where more precise than the common `errors`. */
  refused?: Record<string, unknown>;
};

function op({ summary, params = [], body, ok, query = [], refused = {} }: Operation) {
  return {
    summary,
    ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: { ...ok, ...errors, ...refused },
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
    required: ['articles', 'next', 'nextUrl', 'total'],
    properties: {
      articles: {
        type: 'array',
        items: obj({
          id: text,
          title: nullableText,
          publisher: nullableText,
          published: nullableText,
          importedAt: text,
          archivedAt: nullableText,
          status: articleStatus,
          edits: count,
          reviewed: { ...count, description: 'Edits with an outcome other than undecided' },
          undecided: count,
          disputed: count,
          own: { ...count, description: 'Edits the caller decided' },
          assignedToMe: { type: 'boolean' },
          assignees: { type: 'array', items: text },
          reviewers: { type: 'array', items: text },
        }),
      },
      next: { type: ['string', 'null'], description: 'The `cursor` of the next page, or null on the last' },
      nextUrl: { type: ['string', 'null'], description: 'The next page with the same filters and order' },
      total: { ...count, description: 'Articles that pass the filters, over all pages' },
    },
    additionalProperties: false,
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
  Stats: {
    type: 'object',
    description: 'The statistics of the corpus, with `articles` one page of them (`articlesPage` says which)',
    required: [
      'models',
      'corpus',
      'articles',
      'articlesPage',
      'reviewers',
      'agreement',
      'checks',
      'recurring',
      'recurringTotal',
      'attention',
    ],
    properties: {
      models: { type: 'array', items: obj({ id: text, label: text, higherIsBetter: { type: 'boolean' } }) },
      corpus: anyObject,
      articles: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'title', 'words', 'edits', 'decided', 'reviewedShare', 'scores'],
          properties: {
            id: text,
            title: nullableText,
            words: count,
            edits: count,
            decided: count,
            reviewedShare: share,
            decisions: anyObject,
            errors: anyObject,
            hter: anyObject,
            scores: { type: 'object', description: 'By model id' },
          },
        },
      },
      articlesPage: obj({
        page: { type: 'integer', minimum: 1 },
        perPage: { type: 'integer', minimum: 1, maximum: 500 },
        pages: { type: 'integer', minimum: 1 },
        total: count,
        sort: { enum: ['newest', 'best', 'worst', 'hter'] },
      }),
      reviewers: { type: 'array', items: anyObject },
      agreement: { type: 'array', items: anyObject },
      checks: { type: 'array', items: anyObject },
      recurring: {
        type: 'array',
        description: 'The most frequent accepted corrections, each with its first articles',
        items: obj({
          mtText: text,
          correctedText: text,
          count,
          articles: { type: 'array', items: text },
          articleCount: count,
        }),
      },
      recurringTotal: count,
      attention: {
        type: 'array',
        description: 'Articles left out of the figures: their review cannot be computed',
        items: obj({ id: text, title: nullableText, problems: { type: 'array' } }),
      },
    },
  },
  ReviewerStats: {
    type: 'object',
    required: ['reviewers', 'pairs', 'articles', 'page'],
    properties: {
      reviewers: {
        type: 'array',
        items: obj({
          reviewer: text,
          role: text,
          verdicts: count,
          adjudications: count,
          articles: count,
          outcomes: obj({ agreed: count, upheld: count, overruled: count, disputed: count }),
          agreement: obj({ stood: count, counted: count, share }),
          reviewTime: obj({ articles: count, medianSeconds: { type: ['number', 'null'], minimum: 0 } }),
        }),
      },
      pairs: {
        type: 'array',
        items: obj({
          reviewers: { type: 'array', items: text, minItems: 2, maxItems: 2 },
          edits: count,
          decision: anyObject,
          kappa: { type: ['number', 'null'], description: "Cohen's kappa on the decision" },
          category: anyObject,
          severity: anyObject,
        }),
      },
      articles: {
        type: 'array',
        items: obj({
          id: text,
          title: nullableText,
          status: articleStatus,
          edits: count,
          outcomes: obj({ undecided: count, agreed: count, disputed: count, adjudicated: count }),
          assignees: { type: 'array', items: text },
          reviewers: {
            type: 'array',
            items: obj({
              reviewer: text,
              verdicts: count,
              adjudications: count,
              firstAt: nullableText,
              lastAt: nullableText,
              seconds: { type: ['number', 'null'], minimum: 0 },
            }),
          },
        }),
      },
      page: obj({
        after: nullableText,
        limit: { type: 'integer', minimum: 1, maximum: 200 },
        nextAfter: { type: ['string', 'null'], description: 'The `after` of the next page, or null on the last' },
        total: count,
        next: nextLink,
      }),
    },
  },
  RecurringGroup: obj({
    key: text,
    checkId: { type: ['string', 'null'], description: "The check that suggests it, or null for a person's correction" },
    mtText: text,
    correctedText: text,
    suggestedCategory: nullableText,
    suggestedMessage: nullableText,
    occurrences: count,
    articles: count,
    undecided: { ...count, description: 'Occurrences nobody has decided yet' },
  }),
  RecurringList: obj({
    groups: { type: 'array', items: ref('RecurringGroup') },
    total: count,
    page: { type: 'integer', minimum: 1 },
    pages: { type: 'integer', minimum: 1 },
    next: nextLink,
  }),
  RecurringOccurrences: obj({
    group: ref('RecurringGroup'),
    occurrences: {
      type: 'array',
      items: obj({
        editId: text,
        articleId: text,
        title: nullableText,
        paragraph: count,
        contextBefore: text,
        mtText: text,
        contextAfter: text,
        correctedText: text,
        mine: { type: ['string', 'null'], description: "The caller's current decision on it, or null" },
        decidedByOthers: { type: 'boolean', description: 'Another verdict or a final word stands: bulk skips it' },
        locked: { type: 'boolean', description: 'Its article is approved' },
      }),
    },
    page: { type: 'integer', minimum: 1 },
    pages: { type: 'integer', minimum: 1 },
    next: nextLink,
  }),
  BulkVerdictIn: {
    type: 'object',
    description: 'The edits (a group `key`, `editIds`, or both: the chosen edits of the group) and one verdict on each',
    required: ['decision'],
    properties: {
      key: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' },
      editIds: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 5000 },
      decision: { enum: ['accept', 'reject'] },
      category: text,
      severity: { enum: ['neutral', 'minor', 'major', 'critical'] },
      note: text,
      dryRun: { type: 'boolean', description: 'Only say what would be recorded' },
    },
  },
  Skipped: obj({
    editId: text,
    articleId: nullableText,
    reason: { enum: ['unknown', 'not-in-group', 'stale', 'approved', 'other-reviewer', 'yours', 'changed', 'refused'] },
  }),
  BulkAnswer: obj({
    actionId: { type: ['integer', 'null'], description: 'null for a dry run or when nothing was recorded' },
    label: text,
    decision: { enum: ['accept', 'reject'] },
    dryRun: { type: 'boolean' },
    counts: obj({ recorded: count, skipped: count }),
    recorded: {
      type: 'array',
      maxItems: 200,
      items: obj({ editId: text, articleId: text, verdictId: nullableCount }),
    },
    skipped: { type: 'array', maxItems: 200, items: ref('Skipped') },
    undo: { type: ['string', 'null'], description: 'The path that undoes the action' },
  }),
  BulkUndo: obj({
    actionId: { type: 'integer', minimum: 1 },
    label: text,
    counts: obj({ retracted: count, skipped: count }),
    retracted: { type: 'array', maxItems: 200, items: obj({ editId: text, articleId: text }) },
    skipped: { type: 'array', maxItems: 200, items: ref('Skipped') },
  }),
  Webhook: {
    ...obj({
      id: { type: 'integer', minimum: 1 },
      url: text,
      events: { type: 'array', items: webhookEvent },
      enabled: { type: 'boolean' },
      createdBy: nullableText,
      createdAt: text,
    }),
    description: 'A hook as admins see it: never its secret',
    additionalProperties: false,
  },
  WebhookIn: {
    type: 'object',
    required: ['url'],
    properties: {
      url: { type: 'string', maxLength: 2000, description: 'Absolute http(s) URL without user name or password' },
      secret: {
        type: 'string',
        minLength: 8,
        maxLength: 200,
        description: 'Signs each delivery; absent, one is generated and answered once',
      },
      events: {
        description: 'A list, or names separated by commas or spaces; absent, every event',
        oneOf: [{ type: 'array', items: webhookEvent, minItems: 1 }, text],
      },
    },
  },
  WebhookAnswer: {
    type: 'object',
    required: ['webhook'],
    properties: {
      webhook: ref('Webhook'),
      secret: { type: 'string', description: 'The generated secret: shown this once' },
    },
    additionalProperties: false,
  },
  Delivery: obj({
    id: { type: 'integer', minimum: 1 },
    deliveryId: text,
    hookId: { type: 'integer', minimum: 1 },
    url: text,
    event: webhookEvent,
    articleId: text,
    state: { enum: ['pending', 'delivering', 'delivered', 'failed'] },
    attempts: count,
    responseStatus: { type: ['integer', 'null'], description: "The latest attempt's HTTP status" },
    lastError: { type: ['string', 'null'], description: "The latest failed attempt's error" },
    nextAttemptAt: { type: ['string', 'null'], description: 'When a pending one is due' },
    createdAt: text,
    updatedAt: text,
  }),
  ArchiveState: obj({
    id: text,
    changed: { type: 'boolean', description: 'false: it already was (or was not) archived' },
    archivedAt: nullableText,
    archivedBy: nullableText,
  }),
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
const archiveAction = (summary: string) => ({
  post: op({
    summary,
    params: [idParam],
    ok: { '200': json(ref('ArchiveState'), 'The archive state') },
    refused: { '403': problem('Not a lead or admin, or a session request without its CSRF token') },
  }),
});
const hookAction = (summary: string) => ({
  post: op({
    summary,
    params: [hookParam],
    ok: { '200': json(ref('WebhookAnswer'), 'The webhook') },
    refused: { '403': problem('Not an admin'), '404': problem('No such webhook') },
  }),
});
const listQuery = [
  query('q', { type: 'string', maxLength: 200 }, 'Words that must all occur in the title or the text'),
  query('publisher', { type: 'string', maxLength: 500 }, 'Exactly this publisher'),
  query('from', { type: 'string', format: 'date' }, 'On or after this day (of `date`)'),
  query('to', { type: 'string', format: 'date' }, 'On or before this day (of `date`)'),
  query('undecided', { enum: ['0', '1'] }, '1: with undecided edits; 0: without any'),
  query('archived', { enum: ['0', '1', 'all'] }, '0 (default): not archived; 1: archived only; all: both'),
  query('status', { enum: ['new', 'in review', 'in-review', 'reviewed', 'approved'] }, 'The review status'),
  query('assignee', text, 'Articles assigned to this reviewer (a name, or `me`)'),
  query('outcome', { enum: ['disputed'] }, 'disputed: with a disputed edit'),
  query('sort', { enum: ['date', 'progress'] }, 'By date (default) or by review progress'),
  query('date', { enum: ['published', 'imported'] }, 'The date that `sort`, `from` and `to` mean (default published)'),
  query('order', { enum: ['asc', 'desc'] }, 'Default: newest first by date, least advanced first by progress'),
  query('limit', { type: 'integer', minimum: 1, maximum: 100 }, 'Rows per page (default 50)'),
  query('cursor', text, "The previous page's `next`; with the same filters and order"),
];
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
      get: op({
        summary:
          'The articles, filtered and ordered, a page at a time (archived ones only when asked); ' +
          "a reviewer's own assigned articles first",
        query: listQuery,
        ok: { '200': json(ref('ArticleList'), 'A page of the list; `nextUrl` is the following page') },
        refused: { '400': problem('A bad parameter (`fields` names it), or a cursor of another order') },
      }),
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
    '/api/articles/{id}/events': {
      get: {
        summary:
          "The article's changes as they are committed (Server-Sent Events): `ready` with the current revision, " +
          'then a `change` per commit; comment heartbeats; the stream ends after 30 minutes (the browser reconnects)',
        parameters: [idParam],
        responses: {
          '200': {
            description: 'An event stream; each event has JSON data on one line',
            content: { 'text/event-stream': { schema: text } },
          },
          ...errors,
          '404': problem('No such article'),
          '429': problem('Too many streams of this reviewer (32)'),
          '503': problem('Too many streams on this server, or the server is stopping'),
        },
      },
    },
    '/api/articles/{id}/archive': archiveAction('Archives the article (leads and admins): off the default lists'),
    '/api/articles/{id}/unarchive': archiveAction('Brings an archived article back (leads and admins)'),
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
    '/api/stats': {
      get: op({
        summary: 'Error statistics of the corpus, with the articles a page at a time',
        query: [
          query('model', { enum: ['wmt', 'mqm2', 'matecat'] }, 'The score the article order uses (default mqm2)'),
          query('sort', { enum: ['newest', 'best', 'worst', 'hter'] }, 'The article order (default newest)'),
          query('page', { type: 'integer', minimum: 1 }, 'The page of articles, from 1; past the last is empty'),
          query('perPage', { type: 'integer', minimum: 1, maximum: 500 }, 'Articles per page (default 50)'),
        ],
        ok: { '200': json(ref('Stats'), 'Statistics') },
      }),
    },
    '/api/stats/reviewers': {
      get: op({
        summary: 'Statistics per reviewer (agreement, adjudications, time), per pair (kappa), and per article, paged',
        query: [
          query('after', { type: 'string', maxLength: 300 }, 'The article id the page starts after'),
          query('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'Articles per page (default 50)'),
        ],
        ok: { '200': json(ref('ReviewerStats'), 'Every reviewer and pair, and a page of articles') },
      }),
    },
    '/api/recurring': {
      get: op({
        summary: 'Identical corrections that occur at least twice in the current edits, the most frequent first',
        query: offsetQuery(50, 200),
        ok: { '200': json(ref('RecurringList'), 'A page of groups') },
      }),
    },
    '/api/recurring/{key}': {
      get: op({
        summary: "A group's current occurrences in article order, each with the caller's decision",
        params: [keyParam],
        query: offsetQuery(500, 1000),
        ok: { '200': json(ref('RecurringOccurrences'), 'The group and a page of its occurrences') },
        refused: { '404': problem('No such group') },
      }),
    },
    '/api/bulk-verdicts': {
      post: op({
        summary:
          "The caller's verdict on every edit named (any reviewer); edits decided by others, stale or " +
          'locked are skipped; one action, undone in one step',
        body: ref('BulkVerdictIn'),
        ok: {
          '201': json(ref('BulkAnswer'), 'Recorded as one action'),
          '200': json(ref('BulkAnswer'), 'A dry run, or nothing to record'),
        },
        refused: { '404': problem('No such group') },
      }),
    },
    '/api/bulk-verdicts/{actionId}/undo': {
      post: op({
        summary: "Retracts the verdicts of one of the caller's bulk actions that still stand as it recorded them",
        params: [actionParam],
        ok: { '200': json(ref('BulkUndo'), 'Undone') },
        refused: {
          '404': problem('No such bulk action of the caller'),
          '409': problem('The action was undone already'),
        },
      }),
    },
    '/api/next-article': {
      get: op({
        summary: "The caller's next article: an assigned one with undecided edits first, then any unreviewed",
        query: [
          query('after', { type: 'string', maxLength: 200 }, 'The article just done: the search starts after it'),
        ],
        ok: {
          '200': json(
            obj({
              next: {
                oneOf: [
                  obj({
                    articleId: text,
                    title: nullableText,
                    reason: { enum: ['assigned', 'unreviewed'] },
                    undecided: count,
                    url: text,
                  }),
                  { type: 'null' },
                ],
              },
            }),
            'The next article, or null when nothing is left',
          ),
        },
      }),
    },
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
    '/api/webhooks': {
      get: op({
        summary: 'The webhooks (admins), and the events a hook can want',
        ok: {
          '200': json(
            obj({ webhooks: { type: 'array', items: ref('Webhook') }, events: { type: 'array', items: webhookEvent } }),
            'Webhooks',
          ),
        },
        refused: { '403': problem('Not an admin') },
      }),
      post: op({
        summary: 'Adds a webhook (admins)',
        body: ref('WebhookIn'),
        ok: {
          '201': {
            ...json(ref('WebhookAnswer'), 'Added; `secret` when it was generated'),
            headers: { Location: { schema: text } },
          },
        },
        refused: { '403': problem('Not an admin') },
      }),
    },
    '/api/webhooks/deliveries': {
      get: op({
        summary: 'Deliveries of webhooks, newest first, paged (admins)',
        query: [
          query('hook', { type: 'integer', minimum: 1 }, "Only this hook's"),
          query('before', { type: 'integer', minimum: 1 }, 'Deliveries before this id: the previous answer’s `next`'),
          query('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'Deliveries per page (default 50)'),
        ],
        ok: {
          '200': json(
            {
              type: 'object',
              required: ['deliveries'],
              properties: {
                deliveries: { type: 'array', items: ref('Delivery') },
                next: { type: 'integer', description: 'The `before` of the next page; absent on the last' },
              },
            },
            'A page of deliveries',
          ),
        },
        refused: { '403': problem('Not an admin') },
      }),
    },
    '/api/webhooks/deliveries/{id}/retry': {
      post: op({
        summary: 'Sends a delivery again (admins)',
        params: [deliveryParam],
        ok: { '204': noContent('Queued') },
        refused: { '403': problem('Not an admin'), '404': problem('No such delivery') },
      }),
    },
    '/api/webhooks/{id}': {
      get: op({
        summary: 'A webhook (admins)',
        params: [hookParam],
        ok: { '200': json(ref('WebhookAnswer'), 'The webhook') },
        refused: { '403': problem('Not an admin'), '404': problem('No such webhook') },
      }),
      delete: op({
        summary: 'Deletes a webhook and its deliveries (admins)',
        params: [hookParam],
        ok: { '204': noContent('Deleted') },
        refused: { '403': problem('Not an admin'), '404': problem('No such webhook') },
      }),
    },
    '/api/webhooks/{id}/disable': hookAction('Stops deliveries to the webhook (admins)'),
    '/api/webhooks/{id}/enable': hookAction('Resumes deliveries to the webhook (admins)'),
    '/api/webhooks/{id}/delete': {
      post: {
        ...op({
          summary: 'Deletes a webhook (admins): the same as DELETE, for forms',
          params: [hookParam],
          ok: { '204': noContent('Deleted') },
          refused: { '403': problem('Not an admin'), '404': problem('No such webhook') },
        }),
      },
    },
  },
} as const;
