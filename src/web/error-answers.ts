// What to answer for an error: its status, a message fit for the client, and the fields at fault.
import { StoreError, type StoreErrorKind } from '../store/index.ts';

/** A field the client got wrong, with what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The client-facing side of an error; `kind` groups server failures for the log (undefined for client errors). */
export interface ErrorAnswer {
  status: number;
  message: string;
  fields: FieldProblem[];
  /** Seconds after which trying again may work (a full disk, a busy database). */
  retryAfter?: number;
  /** For 5xx: what sort of failure, so that a burst of the same one is logged once. */
  kind?: string;
  /** For 5xx: an expected failure of the machine (disk, database), logged as one line without a stack. */
  operational?: boolean;
}

const storeStatus: Record<StoreErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  unreadable: 503,
  unwritable: 503,
  'too-new': 503,
};

/** Failures of the disk or the database under a request, by error code (SQLite's, or the system's errno). */
function operationalMessage(code: string): { message: string; retryAfter?: number } | undefined {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT')
    return { message: "the server's disk is full: nothing was saved; try again later", retryAfter: 60 };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return { message: 'the database is busy: nothing was saved; try again in a moment', retryAfter: 5 };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS')
    return { message: 'the database is read-only on the server: nothing was saved' };
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code.startsWith('SQLITE_CANTOPEN'))
    return { message: 'the server could not read or write its database: try again later', retryAfter: 60 };
  return undefined;
}

// body-parser's error types (http-errors with `type`), in words a client can act on.
const bodyProblems: Record<string, (error: { message: string; limit?: number }) => string> = {
  'entity.parse.failed': (e) => `the request body is not valid: ${e.message}`,
  'entity.too.large': (e) => `the request body is too large (at most ${e.limit ?? '?'} bytes)`,
  'parameters.too.many': () => 'the form has too many fields (at most 1,000)',
  'encoding.unsupported': (e) => e.message,
  'charset.unsupported': (e) => e.message,
  'request.aborted': () => 'the request was aborted',
  'request.size.invalid': () => 'the request body is shorter or longer than its Content-Length',
};

/** An http-errors error (body-parser, the router) that a client caused: 4xx and marked as safe to show. */
function clientErrorOf(error: unknown): ErrorAnswer | undefined {
  const { status, statusCode, expose, type, message } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    type?: unknown;
    message?: unknown;
  };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code > 499) return undefined;
  const describe = typeof type === 'string' ? bodyProblems[type] : undefined;
  const text = describe
    ? describe(error as { message: string; limit?: number })
    : expose === true && typeof message === 'string'
      ? `the request body could not be read: ${message}`
      : 'the request is not valid';
  return { status: code, message: text, fields: [{ field: 'body', message: text }] };
}

/** The answer for any error a route or middleware raised; anything unrecognised is a 500 that shows no internals. */
export function answerFor(error: unknown): ErrorAnswer {
  if (error instanceof StoreError) {
    const status = storeStatus[error.kind];
    // Such a message names the database file: the log gets it, the client does not.
    if (status >= 500) {
      const message = 'the database cannot be used right now: nothing was saved; try again later';
      return { status, message, fields: [], kind: error.kind, operational: true };
    }
    return { status, message: error.message, fields: [] };
  }
  const code = (error as { code?: unknown } | null)?.code;
  const operational = typeof code === 'string' ? operationalMessage(code) : undefined;
  if (operational) return { status: 503, fields: [], kind: code as string, operational: true, ...operational };
  // decodeURIComponent's error: the router's for a route parameter, or ours for a header value.
  if (error instanceof URIError) {
    return {
      status: 400,
      message: 'the address has a malformed %-escape',
      fields: [{ field: 'url', message: 'malformed %-escape' }],
    };
  }
  const client = clientErrorOf(error);
  if (client) return client;
  const kind = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { status: 500, message: 'something went wrong on our side', fields: [], kind, operational: false };
}
