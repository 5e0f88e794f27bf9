// Bulk verdicts: one verdict of the caller on every edit of a group (or the edits named), and undoing one such action
// in one step; as JSON through the API, or from the recurring view's forms.
import { type Request, type Response, Router } from 'express';
import { validateBulkVerdict } from '../../review/bulk-input.ts';
import {
  type BulkResult,
  type BulkUndo,
  ConflictError,
  NotFoundError,
  recordBulkVerdicts,
  type Store,
  undoBulkAction,
} from '../../store/index.ts';
import type { AuthLocals } from '../auth.ts';
import { HttpError } from '../errors.ts';

/** At most this many recorded or skipped edits are listed in an answer (the counts say how many there were). */
const listed = 200;

function asHttp(error: unknown): unknown {
  if (error instanceof NotFoundError) return new HttpError(404, error.message);
  if (error instanceof ConflictError) return new HttpError(409, error.message);
  return error;
}

const reviewerOf = (res: Response) => (res.locals as AuthLocals).reviewer?.id as number;

async function bulk(db: Store, body: unknown, res: Response): Promise<BulkResult> {
  const checked = validateBulkVerdict(body);
  if ('errors' in checked) throw new HttpError(400, checked.errors.map((e) => e.message).join('; '), checked.errors);
  try {
    return await recordBulkVerdicts(db, { ...checked.bulk, reviewerId: reviewerOf(res) });
  } catch (error) {
    throw asHttp(error);
  }
}

async function undo(db: Store, req: Request, res: Response): Promise<BulkUndo> {
  const raw = String(req.params.actionId);
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw new HttpError(404, `no bulk action "${raw}"`);
  try {
    return await undoBulkAction(db, Number(raw), reviewerOf(res));
  } catch (error) {
    throw asHttp(error);
  }
}

/** A bulk action's answer: counts, and the lists bounded. */
export function bulkAnswer(result: BulkResult) {
  return {
    actionId: result.actionId,
    label: result.label,
    decision: result.decision,
    dryRun: result.dryRun,
    counts: { recorded: result.recorded.length, skipped: result.skipped.length },
    recorded: result.recorded.slice(0, listed),
    skipped: result.skipped.slice(0, listed),
    undo: result.actionId === null ? null : `/api/bulk-verdicts/${result.actionId}/undo`,
  };
}

/** An undo's answer: counts, and the lists bounded. */
export function undoAnswer(result: BulkUndo) {
  return {
    actionId: result.actionId,
    label: result.label,
    counts: { retracted: result.retracted.length, skipped: result.skipped.length },
    retracted: result.retracted.slice(0, listed),
    skipped: result.skipped.slice(0, listed),
  };
}

/** Routes of bulk verdicts (any reviewer: each verdict is their own). */
export function bulkVerdictRoutes(db: Store): Router {
  const router = Router();
  router.post('/api/bulk-verdicts', async (req, res) => {
    const result = await bulk(db, req.body, res);
    res.status(result.actionId === null ? 200 : 201).json(bulkAnswer(result));
  });
  router.post('/api/bulk-verdicts/:actionId/undo', async (req, res) => {
    res.json(undoAnswer(await undo(db, req, res)));
  });
  // The form sends the occurrences left checked: none checked is a mistake, never "the whole group".
  router.post('/recurring/:key/verdicts', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.editIds === undefined || body.editIds === '') {
      throw new HttpError(400, 'choose at least one occurrence', [{ field: 'editIds', message: 'none chosen' }]);
    }
    const result = await bulk(db, { ...body, key: String(req.params.key) }, res);
    res.status(result.actionId === null ? 200 : 201).render('bulk-result', {
      groupKey: String(req.params.key),
      result: bulkAnswer(result),
      undone: null,
    });
  });
  router.post('/bulk-actions/:actionId/undo', async (req, res) => {
    const undone = undoAnswer(await undo(db, req, res));
    res.render('bulk-result', {
      groupKey: typeof req.body?.key === 'string' ? req.body.key : '',
      result: null,
      undone,
    });
  });
  return router;
}
