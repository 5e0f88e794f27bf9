// Managing reviewers (admins only): the page with its forms and its JSON twin under /api/reviewers.
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { type Role, roles } from '../../review/roles.ts';
import {
  createReviewer,
  disableReviewer,
  enableReviewer,
  generatePassword,
  getReviewer,
  listReviewers,
  type Reviewer,
  resetReviewerPassword,
  type Store,
  setReviewerRole,
} from '../../store/index.ts';
import { asHttpError, isApiRequest, roleField, stringField } from '../account-input.ts';
import { requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';
import type { TokenCache } from '../token-cache.ts';

/** What an action did: the reviewer it changed and, for a new account or a reset, the password to show once. */
interface Outcome {
  reviewer: Reviewer;
  password?: string;
  created?: boolean;
}

async function renderList(
  res: Response,
  db: Store,
  status: number,
  extra: { error?: string; shown?: Outcome } = {},
): Promise<void> {
  const reviewers = await listReviewers(db);
  res.status(status).render('reviewers', { reviewers, roles, error: null, shown: null, ...extra });
}

async function reviewerOf(db: Store, req: Request): Promise<Reviewer> {
  const id = String(req.params.id);
  const reviewer = /^\d{1,15}$/.test(id) ? await getReviewer(db, Number(id)) : undefined;
  if (!reviewer) throw new HttpError(404, `no reviewer with id ${id}`);
  return reviewer;
}

// One handler for the form and its JSON twin: JSON answers the outcome; the form shows a password once, or goes
// back to the list; a refused form shows the list with the reason.
function action(db: Store, work: (req: Request) => Outcome | Promise<Outcome>): RequestHandler {
  return async (req, res) => {
    try {
      const outcome = await work(req);
      const { reviewer, password, created } = outcome;
      if (isApiRequest(req)) {
        if (created) res.status(201).location(`/api/reviewers/${reviewer.id}`);
        res.json({ reviewer, ...(password ? { password } : {}) });
      } else if (password) {
        await renderList(res, db, 200, { shown: outcome });
      } else {
        res.redirect(303, '/reviewers');
      }
    } catch (error) {
      const refused = asHttpError(error);
      if (isApiRequest(req)) throw refused;
      await renderList(res, db, refused.status, { error: refused.message });
    }
  };
}

/** Routes of managing reviewers; every one of them answers 403 to anyone but an admin. */
export function reviewerRoutes(db: Store, tokens: TokenCache): Router {
  const router = Router();
  router.use(['/reviewers', '/api/reviewers'], requireRole('admin'));
  router.get('/reviewers', (_req, res) => renderList(res, db, 200));
  router.get('/api/reviewers', async (_req, res) => {
    res.json({ reviewers: await listReviewers(db) });
  });
  router.post(
    ['/reviewers', '/api/reviewers'],
    action(db, async (req) => {
      const name = stringField(req, 'name', { required: true }) as string;
      const role = roleField(req, { required: false }) ?? 'reviewer';
      const chosen = stringField(req, 'password', { required: false });
      const password = chosen || generatePassword();
      const reviewer = await createReviewer(db, name, password, { role });
      return { reviewer, created: true, ...(chosen ? {} : { password }) };
    }),
  );
  const paths = (suffix: string) => [`/reviewers/:id/${suffix}`, `/api/reviewers/:id/${suffix}`];
  router.post(
    paths('role'),
    action(db, async (req) => {
      const role = roleField(req, { required: true }) as Role;
      const reviewer = await setReviewerRole(db, (await reviewerOf(db, req)).id, role);
      tokens.forget();
      return { reviewer };
    }),
  );
  router.post(
    paths('disable'),
    action(db, async (req) => {
      const reviewer = await disableReviewer(db, (await reviewerOf(db, req)).id);
      tokens.forget();
      return { reviewer };
    }),
  );
  router.post(
    paths('enable'),
    action(db, async (req) => ({ reviewer: await enableReviewer(db, (await reviewerOf(db, req)).id) })),
  );
  router.post(
    paths('reset-password'),
    action(db, async (req) => {
      const reviewer = await reviewerOf(db, req);
      return { reviewer, password: await resetReviewerPassword(db, reviewer.id) };
    }),
  );
  return router;
}
