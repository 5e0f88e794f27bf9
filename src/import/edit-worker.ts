// The worker thread of the edit pool: computes an article's names or edits from what the main thread posts.
import { parentPort } from 'node:worker_threads';
import { loadHouseStyle } from '../checks/house-style.ts';
import { NameIndexView, type NameIndexViewData, nameCounts } from '../checks/name-index.ts';
import type { LabelledEdit } from '../checks/suggestions.ts';
import { articleEdits } from './article-edits.ts';

/** What the pool asks: an MT's names (nameCounts), or an article's edits with its view of the name index. */
export type EditRequest =
  | { job: number; kind: 'names'; mt: string }
  | { job: number; kind: 'edits'; id: string; mt: string; corrected: string | undefined; view: NameIndexViewData };

/** The answer to a request: its value, or the error computing it threw (posted as thrown, with its stack). */
export type EditReply =
  | { job: number; names: Map<string, number> }
  | { job: number; edits: LabelledEdit[] }
  | {
      job: number;
      error: unknown;
    };

const port = parentPort;
if (!port) throw new Error('edit-worker.ts runs in a worker thread (see edit-pool.ts)');

port.on('message', (request: EditRequest) => {
  let reply: EditReply;
  try {
    if (request.kind === 'names') reply = { job: request.job, names: nameCounts(request.mt, loadHouseStyle()) };
    else {
      const view = new NameIndexView(request.view);
      reply = { job: request.job, edits: articleEdits(request, request.corrected, [], view) };
    }
  } catch (error) {
    reply = { job: request.job, error };
  }
  try {
    port.postMessage(reply);
  } catch (cloneError) {
    // An error that cannot be cloned (it holds a function, say) still reaches the import: as its text and stack.
    if (!('error' in reply)) throw cloneError;
    const { error } = reply;
    port.postMessage({
      job: request.job,
      error: new Error(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    });
  }
});
