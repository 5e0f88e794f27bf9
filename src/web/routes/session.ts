// Sign-in with a password (throttled) or a one-time link, and sign-out.
import { type Request, type Response, Router } from 'express';
import {
  consumeSignInLink,
  createSession,
  deleteSession,
  getReviewer,
  type Store,
  verifyReviewerPassword,
} from '../../store/index.ts';
import { type AuthLocals, sessionCookie, sessionTtlMs, setSessionCookie } from '../auth.ts';
import { type SignInThrottle, ThrottledError } from '../sign-in-throttle.ts';

/** Only paths of this site: an open redirect through ?next= would help phishing. */
const safeNext = (value: unknown) => (typeof value === 'string' && /^\/(?!\/)/.test(value) ? value : '/');

/** The address a request came from, for the throttle (the socket's peer: no proxy header is trusted). */
export const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

// The sign-in page speaks in sentences; error messages are lower-case phrases (they also go into JSON).
const asSentence = (phrase: string) => `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;

function refuse(res: Response, status: number, error: string, fields: { next: string; name: unknown }): void {
  res
    .status(status)
    .render('sign-in', { error, next: fields.next, name: typeof fields.name === 'string' ? fields.name : '' });
}

/** Routes of signing in and out; `throttle` counts failed passwords per account and address. */
export function sessionRoutes(db: Store, secret: string, throttle: SignInThrottle): Router {
  const router = Router();
  router.get('/sign-in', (req, res) => {
    res.render('sign-in', { next: safeNext(req.query.next), error: null, name: '' });
  });
  router.post('/sign-in', async (req, res) => {
    const { name, password, next: nextField } = (req.body ?? {}) as Record<string, unknown>;
    const form = { next: safeNext(nextField), name };
    if (typeof name !== 'string' || typeof password !== 'string') {
      return refuse(res, 401, 'Wrong name or password.', form);
    }
    let reviewer: Awaited<ReturnType<typeof verifyReviewerPassword>>;
    try {
      reviewer = await throttle.attempt(name, clientAddress(req), () => verifyReviewerPassword(db, name, password));
    } catch (error) {
      if (!(error instanceof ThrottledError)) throw error;
      res.set('Retry-After', String(error.retryAfterSeconds));
      return refuse(res, 429, asSentence(error.message), form);
    }
    if (!reviewer) return refuse(res, 401, 'Wrong name or password.', form);
    if (reviewer.disabledAt) return refuse(res, 403, 'This account is disabled: ask an admin to enable it.', form);
    setSessionCookie(res, secret, await createSession(db, reviewer.id, sessionTtlMs));
    res.redirect(303, form.next);
  });
  router.get('/sign-in/link/:token', async (req, res) => {
    const reviewerId = await consumeSignInLink(db, req.params.token);
    const reviewer = reviewerId === undefined ? undefined : await getReviewer(db, reviewerId);
    if (!reviewer || reviewer.disabledAt) {
      return refuse(res, 401, 'This sign-in link was used already or has expired.', { next: '/', name: '' });
    }
    setSessionCookie(res, secret, await createSession(db, reviewer.id, sessionTtlMs));
    res.redirect(303, '/');
  });
  router.post('/sign-out', async (_req, res) => {
    const { sessionToken } = res.locals as AuthLocals;
    if (sessionToken) await deleteSession(db, sessionToken);
    res.clearCookie(sessionCookie, { path: '/' });
    res.redirect(303, '/sign-in');
  });
  return router;
}
