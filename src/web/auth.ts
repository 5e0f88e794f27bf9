// Who is asking: session cookies (signed, stored in SQLite) and API tokens; cross-site request protection.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { hasRole, type Role } from '../review/roles.ts';
import { defaultSessionIdleMs, findSessionReviewer, type Reviewer, type Store } from '../store/index.ts';
import { HttpError } from './errors.ts';
import type { TokenCache } from './token-cache.ts';

export const sessionCookie = 'mtr_session';
/** How long a sign-in lasts at most. */
export const sessionTtlMs = 30 * 24 * 3600 * 1000;
/** How long a sign-in lasts without a request. */
export const sessionIdleMs = defaultSessionIdleMs;

/** What auth leaves in res.locals for routes and views. */
export interface AuthLocals {
  reviewer?: Reviewer;
  /** How the reviewer proved who they are: a session cookie needs a CSRF token on writes, a bearer token does not. */
  via?: 'session' | 'token';
  sessionToken?: string;
  csrfToken?: string;
}

const hmac = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('base64url');

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The cookie value: the session token and its signature, so a forged cookie is refused before any lookup. */
export function signSession(secret: string, token: string): string {
  return `${token}.${hmac(secret, `session:${token}`)}`;
}

function unsignSession(secret: string, value: string): string | undefined {
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const token = value.slice(0, dot);
  return safeEqual(value.slice(dot + 1), hmac(secret, `session:${token}`)) ? token : undefined;
}

/** The CSRF token of a session: derived from it, so it needs no storage and dies with the session. */
export const csrfTokenFor = (secret: string, sessionToken: string) => hmac(secret, `csrf:${sessionToken}`);

// A value that is not valid %-encoding was not set by us: it counts as no cookie, not as a server error.
function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Sets res.locals.reviewer from a bearer token or a session cookie; never rejects by itself. */
export function authenticate(db: Store, secret: string, tokens: TokenCache): RequestHandler {
  return async (req, res, next) => {
    const locals = res.locals as AuthLocals;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const reviewer = await tokens.owner(db, bearer.trim());
      if (!reviewer) return next(new HttpError(401, 'the API token is not valid (unknown, revoked or expired)'));
      Object.assign(locals, { reviewer, via: 'token' });
      return next();
    }
    const cookie = readCookie(req, sessionCookie);
    const token = cookie ? unsignSession(secret, cookie) : undefined;
    const reviewer = token ? await findSessionReviewer(db, token, sessionIdleMs) : undefined;
    if (token && reviewer) {
      Object.assign(locals, { reviewer, via: 'session', sessionToken: token, csrfToken: csrfTokenFor(secret, token) });
    }
    next();
  };
}

/** Pages redirect to sign-in; the API answers 401. */
export const requireReviewer: RequestHandler = (req, res, next) => {
  if ((res.locals as AuthLocals).reviewer) return next();
  if (req.path.startsWith('/api/') || req.originalUrl.startsWith('/api/')) {
    return next(new HttpError(401, 'sign in or send Authorization: Bearer <token>'));
  }
  res.redirect(303, `/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
};

/** Refuses with 403 anyone signed in without `role` (or a role that includes it); run after requireReviewer. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    if (hasRole((res.locals as AuthLocals).reviewer, role)) return next();
    next(new HttpError(403, `only ${role === 'admin' ? 'an admin' : `a ${role}`} may do this`));
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests from other sites: the Fetch Metadata header or the Origin must be this origin
 * (SameSite cookies alone let a page on another port of this host through), and a cookie session must also send
 * its CSRF token (form field `_csrf` or header `X-CSRF-Token`).
 */
export const crossSiteGuard: RequestHandler = (req, res, next) => {
  if (safeMethods.has(req.method)) return next();
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return next(new HttpError(403, 'cross-site request refused'));
  const origin = req.headers.origin;
  if (origin && origin !== `${req.protocol}://${req.headers.host}` && !(origin === 'null' && site === 'same-origin'))
    return next(new HttpError(403, 'cross-site request refused'));
  const locals = res.locals as AuthLocals;
  if (locals.via === 'session') {
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, locals.csrfToken ?? '')) {
      return next(new HttpError(403, 'the form has expired or came from elsewhere: reload the page and try again'));
    }
  }
  next();
};

/** Sets the session cookie: HttpOnly, SameSite=Lax, signed. */
export function setSessionCookie(res: Response, secret: string, token: string): void {
  res.cookie(sessionCookie, signSession(secret, token), {
    httpOnly: true,
    sameSite: 'lax',
    maxAge: sessionTtlMs,
    path: '/',
    secure: false,
  });
}
