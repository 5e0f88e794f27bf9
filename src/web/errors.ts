// HTTP errors: one error type carrying its status, the 404 fallthrough, and the handler that answers HTML or JSON.
import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error the client caused, with the HTTP status to answer and, for invalid input, the fields at fault. */
export class HttpError extends Error {
  status: number;
  fields: { field: string; message: string }[];
  constructor(status: number, message: string, fields: { field: string; message: string }[] = []) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

/** The route table's last entry: nothing matched. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no page at ${req.path}`));
};

/** Body-parser's own errors, mapped to the status a client should see. */
function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return 413;
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') return 400;
  return 500;
}

const messages: Record<number, string> = {
  400: 'the request is not valid',
  413: 'the request body is too large',
  500: 'something went wrong on our side',
};

/** Answers JSON under /api (or when asked for), HTML otherwise; a 500 never shows internals to the user. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = statusOf(error);
  if (status >= 500) console.error(`mt-review: ${req.method} ${req.originalUrl} failed:`, error);
  const message = error instanceof HttpError ? error.message : (messages[status] ?? 'error');
  const fields = error instanceof HttpError ? error.fields : [];
  res.status(status);
  if (req.path.startsWith('/api/') || !req.accepts('html')) {
    res.json({ error: message, ...(fields.length ? { fields } : {}) });
  } else {
    res.render('error', { status, message, fields });
  }
};
