// Sign-in with a password or a one-time link, and sign-out.
import { Router } from 'express';
import {
  consumeSignInLink,
  createSession,
  deleteSession,
  getReviewer,
  type Store,
  verifyReviewerPassword,
} from '../../store/index.ts';
import { type AuthLocals, sessionCookie, sessionTtlMs, setSessionCookie } from '../auth.ts';

/** Only paths of this site: an open redirect through ?next= would help phishing. */
const safeNext = (value: unknown) => (typeof value === 'string' && /^\/(?!\/)/.test(value) ? value : '/');

/** Routes of signing in and out. */
export function sessionRoutes(db: Store, secret: string): Router {
  const router = Router();
  router.get('/sign-in', (req, res) => {
    res.render('sign-in', { next: safeNext(req.query.next), error: null, name: '' });
  });
  router.post('/sign-in', async (req, res) => {
    const { name, password } = req.body as { name?: unknown; password?: unknown };
    const reviewer =
      typeof name === 'string' && typeof password === 'string'
        ? await verifyReviewerPassword(db, name, password)
        : undefined;
    if (!reviewer) {
      res.status(401).render('sign-in', { next: safeNext(req.body?.next), error: 'Wrong name or password.', name });
      return;
    }
    setSessionCookie(res, secret, createSession(db, reviewer.id, sessionTtlMs));
    res.redirect(303, safeNext(req.body?.next));
  });
  router.get('/sign-in/link/:token', (req, res) => {
    const reviewerId = consumeSignInLink(db, req.params.token);
    const reviewer = reviewerId === undefined ? undefined : getReviewer(db, reviewerId);
    if (!reviewer) {
      res
        .status(401)
        .render('sign-in', { next: '/', error: 'This sign-in link was used already or has expired.', name: '' });
      return;
    }
    setSessionCookie(res, secret, createSession(db, reviewer.id, sessionTtlMs));
    res.redirect(303, '/');
  });
  router.post('/sign-out', (_req, res) => {
    const { sessionToken } = res.locals as AuthLocals;
    if (sessionToken) deleteSession(db, sessionToken);
    res.clearCookie(sessionCookie, { path: '/' });
    res.redirect(303, '/sign-in');
  });
  return router;
}
