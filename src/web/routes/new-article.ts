// The New-article page (admins and leads): paste an article, or upload article folders as a zip or several files.
import type { Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { hasRole } from '../../review/roles.ts';
import type { Store } from '../../store/index.ts';
import { importUpload, type UploadImport } from '../../upload/import-upload.ts';
import { readUpload, UploadError, type UploadedFile } from '../../upload/read-upload.ts';
import { type AuthLocals, requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { articleInputOf, importForRequest } from './articles-in.ts';

/** The form's fields, in the order the page shows them. */
export const NEW_ARTICLE_FIELDS = [
  'mt',
  'corrected',
  'source',
  'title',
  'url',
  'published',
  'publisher',
  'author',
  'sourceLang',
  'targetLang',
  'id',
] as const;

interface PageState {
  values: Record<string, string>;
  error: string | null;
  fields: { field: string; message: string }[];
  upload: UploadImport | null;
}

function render(res: Response, status: number, state: Partial<PageState> = {}): void {
  res.status(status).render('new-article', { values: {}, error: null, fields: [], upload: null, ...state });
}

/**
 * Reads the multipart upload before the CSRF check (which needs its `_csrf` field), and only for an admin or lead:
 * nobody else gets a body read. Run after authenticate.
 */
export const readArticleUpload: RequestHandler = async (req, res, next) => {
  if (!hasRole((res.locals as AuthLocals).reviewer, 'lead')) return next();
  try {
    const upload = await readUpload(req);
    req.body = upload.fields;
    res.locals.uploadedFiles = upload.files;
    next();
  } catch (error) {
    if (error instanceof UploadError) return next(new HttpError(error.status, error.message));
    next(error);
  }
};

// A form sends every field, empty or not: an empty optional field means "not given", as in the API.
function formBody(req: Request): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of NEW_ARTICLE_FIELDS) {
    const value = (req.body as Record<string, unknown>)[field];
    if (typeof value === 'string' && (value.trim() !== '' || field === 'mt')) body[field] = value;
  }
  return body;
}

/** Routes of the New-article page; 403 for reviewers. */
export function newArticleRoutes(db: Store): Router {
  const router = Router();
  router.use(['/articles/new', '/articles/upload'], requireRole('lead'));
  router.get('/articles/new', (_req, res) => render(res, 200));
  router.post('/articles/new', async (req, res) => {
    const body = formBody(req);
    let imported: Awaited<ReturnType<typeof importForRequest>>;
    try {
      imported = await importForRequest(db, res, articleInputOf(body), 'browser');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return render(res, error.status, { values: body, error: error.message, fields: error.fields });
    }
    res.redirect(303, `/articles/${encodeURIComponent(imported.id)}`);
  });
  router.post('/articles/upload', async (req, res) => {
    const files = (res.locals.uploadedFiles as UploadedFile[] | undefined) ?? [];
    const id = (req.body as Record<string, unknown>).id;
    const upload = await importUpload(db, files, {
      ...(typeof id === 'string' && id.trim() !== '' ? { id: id.trim() } : {}),
      reviewerId: (res.locals as AuthLocals).reviewer?.id ?? null,
    });
    render(res, upload.imported.length === 0 ? 400 : 200, { upload });
  });
  return router;
}
