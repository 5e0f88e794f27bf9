// Body parsers sized per route: an article comes in as JSON or a form of up to three 2 MiB texts; all else is small.
import express, { type Request, type RequestHandler } from 'express';

/**
 * JSON of an article: mt, corrected and source of 2 MiB each (the loader's limit per file), escaped (a newline or a
 * quote takes two bytes in JSON), with its metadata. Above it: 413.
 */
export const ARTICLE_JSON_LIMIT = 8 * 1024 * 1024;
/** The New-article form: the same texts percent-encoded (a non-ASCII byte takes three). */
export const ARTICLE_FORM_LIMIT = 20 * 1024 * 1024;
/** Every other JSON body: verdicts, edits, accounts. */
export const DEFAULT_JSON_LIMIT = 256 * 1024;
/** Every other form. */
export const DEFAULT_FORM_LIMIT = 3 * 1024 * 1024;

const articleIn = (req: Request) =>
  (req.method === 'POST' && req.path === '/api/articles') ||
  (req.method === 'PUT' && /^\/api\/articles\/[^/]+\/?$/.test(req.path));

/** One of two parsers, chosen by the route: large for articles coming in, small for everything else. */
function sized(pick: (req: Request) => boolean, large: RequestHandler, small: RequestHandler): RequestHandler {
  return (req, res, next) => (pick(req) ? large : small)(req, res, next);
}

/** The JSON body parser of the app. */
export const jsonBodies = sized(
  articleIn,
  express.json({ limit: ARTICLE_JSON_LIMIT }),
  express.json({ limit: DEFAULT_JSON_LIMIT }),
);

/** The form body parser of the app. */
export const formBodies = sized(
  (req) => req.method === 'POST' && req.path === '/articles/new',
  express.urlencoded({ extended: false, limit: ARTICLE_FORM_LIMIT }),
  express.urlencoded({ extended: false, limit: DEFAULT_FORM_LIMIT }),
);
