// Managing webhooks (admins only): the page with its forms and recent deliveries, and its JSON twin /api/webhooks.
import { type Request, type RequestHandler, type Response, Router } from 'express';
import {
  ConflictError,
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  NotFoundError,
  retryDelivery,
  type Store,
  setWebhookEnabled,
  type Webhook,
  webhookEvents,
} from '../../store/index.ts';
import { HookInputError, parseHookEvents, parseHookSecret, parseHookUrl } from '../../webhooks/hook-input.ts';
import { signatureHeader } from '../../webhooks/signature.ts';
import { isApiRequest } from '../account-input.ts';
import { type AuthLocals, requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';

const maxDeliveries = 200;
const pageDeliveries = 50;

/** What an action did: the hook it changed and, for a new hook with a generated secret, the secret to show once. */
interface Outcome {
  webhook?: Webhook;
  secret?: string;
  created?: boolean;
}

/** A whole number query parameter or undefined; a 400 naming it when it is something else. */
function numberParam(req: Request, name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new HttpError(400, `${name} must be a whole number from 1 to ${max}`, [
      { field: name, message: `a whole number from 1 to ${max}` },
    ]);
  }
  return Number(value);
}

function deliveryQuery(req: Request, defaultLimit: number) {
  const hookId = numberParam(req, 'hook');
  const before = numberParam(req, 'before');
  const limit = numberParam(req, 'limit', maxDeliveries) ?? defaultLimit;
  return { limit, ...(hookId === undefined ? {} : { hookId }), ...(before === undefined ? {} : { before }) };
}

async function renderPage(res: Response, db: Store, req: Request, status: number, extra: Record<string, unknown> = {}) {
  const query = deliveryQuery(req, pageDeliveries);
  const deliveries = await listDeliveries(db, query);
  const next = deliveries.length === query.limit ? deliveries.at(-1)?.id : undefined;
  res.status(status).render('webhooks', {
    webhooks: await listWebhooks(db),
    deliveries,
    next,
    hookFilter: query.hookId ?? null,
    events: webhookEvents,
    signatureHeader,
    error: null,
    shown: null,
    ...extra,
  });
}

async function hookOf(db: Store, req: Request): Promise<Webhook> {
  const id = String(req.params.id);
  const hook = /^\d{1,15}$/.test(id) ? await getWebhook(db, Number(id)) : undefined;
  if (!hook) throw new HttpError(404, `no webhook with id ${id}`);
  return hook;
}

function asHttp(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof HookInputError)
    return new HttpError(400, error.message, [{ field: error.field, message: error.message }]);
  if (error instanceof NotFoundError) return new HttpError(404, error.message);
  if (error instanceof ConflictError) return new HttpError(409, error.message);
  throw error;
}

// One handler for the form and its JSON twin: JSON answers the hook; the form shows a generated secret once, or
// goes back to the page; a refused form shows the page with the reason.
function action(db: Store, work: (req: Request, res: Response) => Promise<Outcome>): RequestHandler {
  return async (req, res) => {
    try {
      const outcome = await work(req, res);
      if (isApiRequest(req)) {
        if (!outcome.webhook) res.status(204).end();
        else {
          if (outcome.created) res.status(201).location(`/api/webhooks/${outcome.webhook.id}`);
          res.json({ webhook: outcome.webhook, ...(outcome.secret ? { secret: outcome.secret } : {}) });
        }
      } else if (outcome.secret) await renderPage(res, db, req, 200, { shown: outcome });
      else res.redirect(303, '/webhooks');
    } catch (error) {
      const refused = asHttp(error);
      if (isApiRequest(req)) throw refused;
      await renderPage(res, db, req, refused.status, { error: refused.message });
    }
  };
}

async function addHook(db: Store, req: Request, res: Response): Promise<Outcome> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const url = parseHookUrl(body.url);
  const { secret, generated } = parseHookSecret(body.secret);
  const events = parseHookEvents(body.events);
  const createdBy = (res.locals as AuthLocals).reviewer?.id ?? null;
  const webhook = await createWebhook(db, { url, secret, events, createdBy });
  return { webhook, created: true, ...(generated ? { secret } : {}) };
}

/** Routes of managing webhooks; every one of them answers 403 to anyone but an admin. */
export function webhookRoutes(db: Store): Router {
  const router = Router();
  router.use(['/webhooks', '/api/webhooks'], requireRole('admin'));
  router.get('/webhooks', (req, res) => renderPage(res, db, req, 200));
  router.get('/api/webhooks', async (_req, res) => {
    res.json({ webhooks: await listWebhooks(db), events: webhookEvents });
  });
  router.get('/api/webhooks/deliveries', async (req, res) => {
    const query = deliveryQuery(req, pageDeliveries);
    const deliveries = await listDeliveries(db, query);
    const next = deliveries.length === query.limit ? deliveries.at(-1)?.id : undefined;
    res.json({ deliveries, ...(next === undefined ? {} : { next }) });
  });
  router.get('/api/webhooks/:id', async (req, res) => {
    res.json({ webhook: await hookOf(db, req) });
  });
  router.post(
    ['/webhooks', '/api/webhooks'],
    action(db, (req, res) => addHook(db, req, res)),
  );
  const paths = (suffix: string) => [`/webhooks/:id/${suffix}`, `/api/webhooks/:id/${suffix}`];
  router.post(
    paths('disable'),
    action(db, async (req) => ({ webhook: await setWebhookEnabled(db, (await hookOf(db, req)).id, false) })),
  );
  router.post(
    paths('enable'),
    action(db, async (req) => ({ webhook: await setWebhookEnabled(db, (await hookOf(db, req)).id, true) })),
  );
  const remove = action(db, async (req) => {
    await deleteWebhook(db, (await hookOf(db, req)).id);
    return {};
  });
  router.post(paths('delete'), remove);
  router.post(
    ['/webhooks/deliveries/:id/retry', '/api/webhooks/deliveries/:id/retry'],
    action(db, async (req) => {
      const id = String(req.params.id);
      if (!/^\d{1,15}$/.test(id)) throw new HttpError(404, `no delivery with id ${id}`);
      await retryDelivery(db, Number(id));
      return {};
    }),
  );
  router.delete('/api/webhooks/:id', remove);
  return router;
}
