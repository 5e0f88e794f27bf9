// A reviewer's own account: the page, and changing their password (form and JSON), which ends their other sessions.
import { type Request, type Response, Router } from 'express';
import { type Reviewer, type Store, setReviewerPassword, verifyReviewerPassword } from '../../store/index.ts';
import { asHttpError, isApiRequest, stringField } from '../account-input.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { type SignInThrottle, ThrottledError } from '../sign-in-throttle.ts';
import { clientAddress } from './session.ts';

function renderAccount(res: Response, status: number, extra: { error?: string; changed?: boolean } = {}): void {
  res.status(status).render('account', { error: null, changed: false, ...extra });
}

// The form sends current/password/confirm; the JSON twin currentPassword/newPassword (no confirmation to type).
function passwordFields(req: Request): { current: string; next: string } {
  const api = isApiRequest(req);
  const current = stringField(req, api ? 'currentPassword' : 'current', { required: true }) as string;
  const next = stringField(req, api ? 'newPassword' : 'password', { required: true }) as string;
  if (!api && stringField(req, 'confirm', { required: false }) !== next) {
    throw new HttpError(400, 'the two new passwords differ', [{ field: 'confirm', message: 'differs from password' }]);
  }
  return { current, next };
}

// The current password is a password check like a sign-in: the same throttle counts it, so that a stolen session
// cannot be used to guess the password behind it.
async function changePassword(db: Store, throttle: SignInThrottle, req: Request, res: Response): Promise<void> {
  const { reviewer, sessionToken } = res.locals as AuthLocals & { reviewer: Reviewer };
  const { current, next } = passwordFields(req);
  let confirmed: boolean | undefined;
  try {
    confirmed = await throttle.attempt(reviewer.name, clientAddress(req), async () =>
      (await verifyReviewerPassword(db, reviewer.name, current)) ? true : undefined,
    );
  } catch (error) {
    if (!(error instanceof ThrottledError)) throw error;
    res.set('Retry-After', String(error.retryAfterSeconds));
    throw new HttpError(429, error.message);
  }
  const field = isApiRequest(req) ? 'currentPassword' : 'current';
  if (!confirmed) throw new HttpError(400, 'the current password is wrong', [{ field, message: 'is wrong' }]);
  try {
    await setReviewerPassword(db, reviewer.id, next, sessionToken);
  } catch (error) {
    throw asHttpError(error, isApiRequest(req) ? 'newPassword' : 'password');
  }
}

/** Routes of the signed-in reviewer's own account. */
export function accountRoutes(db: Store, throttle: SignInThrottle): Router {
  const router = Router();
  router.get('/account', (_req, res) => renderAccount(res, 200));
  router.post('/account/password', async (req, res) => {
    try {
      await changePassword(db, throttle, req, res);
    } catch (error) {
      const refused = asHttpError(error);
      return renderAccount(res, refused.status, { error: refused.message });
    }
    renderAccount(res, 200, { changed: true });
  });
  router.post('/api/account/password', async (req, res) => {
    await changePassword(db, throttle, req, res);
    res.json({ changed: true });
  });
  return router;
}
