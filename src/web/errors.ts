// HTTP errors: one error type carrying its status, the 404 fallthrough, and the handler that answers HTML or JSON.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { answerFor, type ErrorAnswer, type FieldProblem } from './error-answers.ts';
import { ThrottledLog } from './throttled-log.ts';

/** An error the client caused, with the HTTP status to answer and, for invalid input, the fields at fault. */
export class HttpError extends Error {
  status: number;
  fields: FieldProblem[];
  constructor(status: number, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

/** The route table's last entry: nothing matched. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no page at ${req.path}`));
};

const shortUrl = (req: Request) =>
  req.originalUrl.length > 200 ? `${req.originalUrl.slice(0, 200)}…` : req.originalUrl;

/** One log line for a server failure: a disk or database failure in one line, a bug with its stack. */
function logLine(req: Request, answer: ErrorAnswer, error: unknown): string {
  const where = `mt-review: ${req.method} ${shortUrl(req)}`;
  if (answer.operational) return `${where}: ${answer.status} ${answer.kind}: ${(error as Error).message}`;
  return `${where} failed: ${(error as Error)?.stack ?? String(error)}`;
}

// The error page includes the header, which reads the session's locals: an error raised before auth ran (a bad
// body, a bad cookie) has none, so every local the page reads is given here.
function renderPage(res: Response, answer: ErrorAnswer): void {
  const { status, message, fields } = answer;
  const locals = { status, message, fields, reviewer: res.locals.reviewer, csrfToken: res.locals.csrfToken ?? '' };
  res.render('error', locals, (renderError: Error | null, html?: string) => {
    if (renderError) res.type('text').send(`${status} ${message}\n`);
    else res.send(html);
  });
}

/**
 * The error handler: JSON under /api (or when HTML is not accepted), an HTML page otherwise. Client errors are not
 * logged; server failures are, one line per kind per interval (see ThrottledLog), and never shown to the client.
 */
export function createErrorHandler(log = new ThrottledLog()): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const answer: ErrorAnswer =
      error instanceof HttpError
        ? { status: error.status, message: error.message, fields: error.fields }
        : answerFor(error);
    if (answer.status >= 500) log.report(answer.kind ?? 'unknown', () => logLine(req, answer, error));
    // The response was under way: there is no clean way to change it now.
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    res.status(answer.status);
    if (answer.retryAfter) res.set('Retry-After', String(answer.retryAfter));
    const { message, fields } = answer;
    if (req.path.startsWith('/api/') || !req.accepts('html')) {
      res.json({ error: message, ...(fields.length ? { fields } : {}) });
    } else {
      renderPage(res, answer);
    }
  };
}
