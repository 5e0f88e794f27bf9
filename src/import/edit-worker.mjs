// Entry of an edit worker thread: tsx's hooks registered by the parent may not reach workers (Node 20), so register here.
import { register } from 'tsx/esm/api';

register();
await import('./edit-worker.ts');
