// The statistics of the store, kept up to date incrementally: an article's part is recomputed only when it changed,
// stored with the revision it was computed for, and read back on the next start instead of recomputed.
// From the store's own files, not its index, and the computation of a part loaded only when one is computed: the
// command line reading stored statistics starts without the review, diff and metrics modules (startup is per module).
import {
  type StoredPart,
  storeCheckpoint,
  storedCheckpoint,
  storedListedPage,
  storedPart,
  storedPartsPage,
  storeListed,
  storePart,
} from '../store/article-stats.ts';
import { allRevisions, type RevisionRow, revisionsChangedAfter } from '../store/revision-changes.ts';
import type { Store } from '../store/sql.ts';
import type { ArticleStats, NeedsAttention, Statistics } from './aggregate.ts';
import type { ComputedPart } from './compute-part.ts';
import { decodeListed, encodeListed, isCurrentListed } from './listed-codec.ts';
import type { ArticlePart } from './statistics.ts';
import { type CheckpointTotals, type ListedPart, StatsTotals } from './totals.ts';

/**
 * The version of what an article part holds and how it is computed (src/stats, src/metrics, src/review): bump it
 * with any change there, so that parts stored by an older mt-review are recomputed rather than trusted.
 */
export const STATS_VERSION = 1;

/** Milliseconds of statistics work per turn of the event loop when it runs in the background. */
const sliceMs = 5;
/**
 * Milliseconds computed parts wait before they are written, with those computed meanwhile: each commit is a flush to
 * disk that holds the event loop (SQLite writes synchronously), so a burst's update writes a few times, not per part.
 */
const storeAfterMs = 200;
/** Stored parts read per page at start. */
const partsPerPage = 500;
/**
 * The checkpoint of the totals is written when the statistics are ready after a start, when a server stops, and
 * while it runs at most this often (milliseconds): a crash loses at most this much of the quick start, never a number.
 */
const checkpointEveryMs = 60_000;
/** Stored parts the checkpoint may not count and still be used (each is then read whole, one query apiece). */
const uncountedAtMost = 1000;

/**
 * What is kept in memory of an article's part: the revision it was computed at and the numbers the snapshot lists.
 * The rest (per reviewer, pair, check, correction: kilobytes an article) is in the totals and in article_stats (or
 * still in the queue of parts to write); it is read back from there to take it out (partInTotals).
 */
interface KeptPart {
  revision: number;
  stats: ArticleStats;
  published: string | null;
}

const keptPart = (revision: number, part: ListedPart): KeptPart => ({
  revision,
  stats: part.stats,
  published: part.published,
});

/** A part computed and not yet on disk: its JSON as it will be stored, and whether a write of it is under way. */
interface Unstored {
  revision: number;
  json: string;
  listed: string;
  writing: boolean;
}

const listedJson = (part: ArticlePart): string => encodeListed(part, STATS_VERSION);

/**
 * The checkpoint of the statistics: the totals only whole parts give, and the parts they count (article, revision).
 * It holds while each of those parts is stored at that revision: a start then reads only the parts' listed numbers.
 */
interface Checkpoint {
  parts: [string, number][];
  totals: CheckpointTotals;
}

/** What is kept per database: each article's listed numbers at the revision computed at, and their running totals. */
interface Kept {
  parts: Map<string, KeptPart>;
  totals: StatsTotals;
  /**
   * The articles' numbers in the order shown (newest publication first, undated last, then by id, as listArticles),
   * and each article's place in it: a part that keeps its place is swapped in there, without sorting again.
   */
  shown: ArticleStats[];
  place: Map<string, number>;
  reorder: boolean;
  /** Articles whose review cannot be computed at their revision: left out of the totals, listed apart. */
  attention: Map<string, { revision: number; entry: NeedsAttention }>;
  /** Articles whose part is behind their revision (the revision to bring it to), as last read. */
  pending: Map<string, number>;
  /** Whether the stored parts were read (once per store object: the parts of this process are kept in memory). */
  loaded: boolean;
  /** Parts computed by this process (not read back): what a test of "nothing recomputed" looks at. */
  computed: number;
  /** The background update running, if any. */
  updating: Promise<void> | undefined;
  /** The work in progress: work takes turns, or two refreshes would take the same old part out twice. */
  turn: Promise<unknown>;
  /** The statistics as last read, until a part changes: every request between two changes shares them. */
  snapshot: Statistics | undefined;
  /** Every article's revision row as last read (archived ones too), the sum of their change numbers, the highest. */
  known: Map<string, RevisionRow>;
  knownSum: number;
  seen: number;
  /** Whether every revision was read once (then only those changed since are). */
  scanned: boolean;
  /** Parts computed and not yet on disk (being written or not), and the writes under way (one after the other). */
  unstored: Map<string, Unstored>;
  storing: Promise<void>;
  storeTimer: NodeJS.Timeout | undefined;
  /** Whether the stored checkpoint holds the totals as they are, and when one was last written (performance.now). */
  checkpointed: boolean;
  checkpointAt: number;
  /** How the stored parts were last read: through the checkpoint, or each part whole. */
  loadedFrom: 'checkpoint' | 'parts' | undefined;
}

function showOrder(parts: Kept['parts']): string[] {
  const published = (id: string) => parts.get(id)?.published ?? null;
  return [...parts.keys()].sort((a, b) => {
    const [pa, pb] = [published(a), published(b)];
    if ((pa === null) !== (pb === null)) return pa === null ? 1 : -1;
    if (pa !== pb) return (pa ?? '') < (pb ?? '') ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

const keptByStore = new WeakMap<Store, Kept>();

function keptFor(db: Store): Kept {
  let kept = keptByStore.get(db);
  if (!kept) {
    kept = {
      ...{
        parts: new Map(),
        totals: new StatsTotals(),
        shown: [],
        place: new Map(),
        reorder: false,
        attention: new Map(),
      },
      ...{ pending: new Map(), loaded: false, computed: 0, updating: undefined, turn: Promise.resolve() },
      ...{ snapshot: undefined, known: new Map(), knownSum: 0, seen: 0, scanned: false },
      ...{ unstored: new Map(), storing: Promise.resolve(), storeTimer: undefined },
      ...{ checkpointed: false, checkpointAt: performance.now(), loadedFrom: undefined },
    };
    keptByStore.set(db, kept);
  }
  return kept;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Runs `work` once the work before it has finished. */
function inTurn<T>(kept: Kept, work: () => Promise<T>): Promise<T> {
  const result = kept.turn.then(work, work);
  kept.turn = result.catch(() => undefined);
  return result;
}

/** The computation of a part (review, diff, metrics), loaded when the first part is computed: see the imports. */
let computation: Promise<typeof import('./compute-part.ts')> | undefined;
async function computePart(db: Store, id: string): Promise<ComputedPart> {
  computation ??= import('./compute-part.ts');
  return (await computation).computePart(db, id);
}

/**
 * Reads the stored parts into the totals, a page per turn of the event loop; parts of another version are left.
 * Through the checkpoint when it holds (each part's listed numbers only), else each part whole.
 */
async function loadStored(db: Store, kept: Kept): Promise<void> {
  if (kept.loaded) return;
  kept.loaded = true;
  kept.snapshot = undefined;
  kept.reorder = true;
  if (await loadThroughCheckpoint(db, kept)) {
    kept.loadedFrom = 'checkpoint';
    return;
  }
  kept.loadedFrom = 'parts';
  kept.checkpointed = false;
  let after = '';
  for (;;) {
    const page = await storedPartsPage(db, after, partsPerPage);
    // Parts stored without listed numbers this code reads (kept apart only since migration 17, and in another layout
    // before) get them, so that the next start can use a checkpoint.
    const unlisted: [string, number, string][] = [];
    for (const row of page) {
      const part = applyStored(kept, row);
      if (part && !isCurrentListed(row.listedHead ?? null, STATS_VERSION))
        unlisted.push([row.id, row.revision, listedJson(part)]);
    }
    // Not kept (a read-only database, say): the statistics are as complete, only the next start reads every part again.
    if (unlisted.length > 0) {
      await db
        .transaction(async (tx) => {
          for (const [id, revision, listed] of unlisted) await storeListed(tx, id, revision, listed);
        })
        .catch(() => undefined);
    }
    if (page.length < partsPerPage) return;
    after = (page.at(-1) as { id: string }).id;
    await nextTurn();
  }
}

/** Puts a stored part, read whole, into the totals and returns it (unless of another version, or already in). */
function applyStored(kept: Kept, row: StoredPart): ArticlePart | undefined {
  const stored = JSON.parse(row.part) as { version: number; part: ArticlePart };
  if (stored.version !== STATS_VERSION || kept.parts.has(row.id)) return undefined;
  kept.totals.apply(stored.part, 1);
  kept.parts.set(row.id, keptPart(row.revision, stored.part));
  return stored.part;
}

/**
 * Reads the totals from the checkpoint and each counted part's listed numbers; a stored part it does not count (an
 * archived article's, or one stored by another server since) is read whole. False, with nothing kept, when the
 * checkpoint does not hold: absent, of another version, or a part it counts is no longer stored at its revision.
 */
async function loadThroughCheckpoint(db: Store, kept: Kept): Promise<boolean> {
  const stored = await storedCheckpoint(db);
  if (stored?.version !== STATS_VERSION) return false;
  const checkpoint = readCheckpoint(stored.body);
  if (!checkpoint) return false;
  const counted = new Map(checkpoint.parts);
  const uncounted: string[] = [];
  const giveUp = () => {
    kept.totals = new StatsTotals();
    kept.parts.clear();
    return false;
  };
  let after = '';
  for (;;) {
    const page = await storedListedPage(db, after, partsPerPage);
    for (const row of page) {
      const revision = counted.get(row.id);
      if (revision === undefined) {
        uncounted.push(row.id);
        if (uncounted.length > uncountedAtMost) return giveUp();
        continue;
      }
      const listed = revision === row.revision && row.listed ? decodeListed(row.listed, STATS_VERSION) : undefined;
      if (!listed) return giveUp();
      kept.totals.applyCorrections(listed, 1);
      kept.parts.set(row.id, keptPart(row.revision, listed));
    }
    if (page.length < partsPerPage) break;
    after = (page.at(-1) as { id: string }).id;
    await nextTurn();
  }
  if (kept.parts.size !== counted.size) return giveUp();
  kept.totals.restoreCheckpointTotals(checkpoint.totals);
  kept.checkpointed = uncounted.length === 0;
  for (const id of uncounted) {
    const row = await storedPart(db, id);
    if (row) applyStored(kept, row);
  }
  return true;
}

/** A stored checkpoint's body, or undefined when it is not one this code wrote (the parts are then read whole). */
function readCheckpoint(body: string): Checkpoint | undefined {
  try {
    const checkpoint = JSON.parse(body) as Partial<Checkpoint> | null;
    const totals = checkpoint?.totals;
    if (!Array.isArray(checkpoint?.parts) || !totals?.sums || !totals.reviewers || !totals.pairs || !totals.checks) {
      return undefined;
    }
    return checkpoint as Checkpoint;
  } catch {
    return undefined;
  }
}

/**
 * Stores the checkpoint of the totals as they stand, when they moved since the last one and every part they count is
 * on disk (a part still to be written would make it not hold). Runs in turn: never between a part out and one in.
 */
async function writeCheckpoint(db: Store, kept: Kept): Promise<void> {
  await storeComputed(db, kept);
  if (!kept.loaded || kept.checkpointed || kept.unstored.size > 0 || !db.open) return;
  const checkpoint: Checkpoint = {
    parts: [...kept.parts].map(([id, part]) => [id, part.revision]),
    totals: kept.totals.checkpointTotals(),
  };
  kept.checkpointed = true;
  kept.checkpointAt = performance.now();
  try {
    await storeCheckpoint(db, STATS_VERSION, JSON.stringify(checkpoint));
  } catch (error) {
    kept.checkpointed = false;
    if (db.open) console.error('mt-review: statistics checkpoint not stored (the next start reads every part):', error);
  }
}

/**
 * The part of an article that is in the totals: from the queue of parts to write, else read back from article_stats;
 * undefined when the row no longer holds it (another server on the database stored a newer part over it): the totals
 * must then be read again (reloadTotals).
 */
async function partInTotals(db: Store, kept: Kept, id: string): Promise<ArticlePart | undefined> {
  const revision = kept.parts.get(id)?.revision;
  const queued = kept.unstored.get(id);
  const json = queued?.revision === revision ? queued?.json : await storedJson(db, id, revision);
  if (json === undefined) return undefined;
  const stored = JSON.parse(json) as { version: number; part: ArticlePart };
  return stored.version === STATS_VERSION ? stored.part : undefined;
}

async function storedJson(db: Store, id: string, revision: number | undefined): Promise<string | undefined> {
  const row = await storedPart(db, id);
  return row && row.revision === revision ? row.part : undefined;
}

/**
 * Reads the totals again from the stored parts, as a start does (after writing this process's own): what a part
 * taken out of them was is no longer stored. Happens only with several servers on one database, when another one
 * updated an article first.
 */
async function reloadTotals(db: Store, kept: Kept): Promise<void> {
  await storeComputed(db, kept);
  kept.totals = new StatsTotals();
  kept.parts.clear();
  // Set aside at their revision; their older stored part goes back into the totals, so they are looked at again.
  kept.attention.clear();
  kept.loaded = false;
  kept.reorder = true;
  kept.snapshot = undefined;
  kept.scanned = false;
  await loadStored(db, kept);
}

/** Takes a revision row in: an archived article leaves the statistics, one whose part is behind becomes pending. */
async function noteRevision(db: Store, kept: Kept, row: RevisionRow): Promise<void> {
  kept.knownSum += row.changed - (kept.known.get(row.id)?.changed ?? 0);
  kept.known.set(row.id, row);
  if (row.changed > kept.seen) kept.seen = row.changed;
  // Archived articles are left out: their part leaves the totals as if they were gone, and returns on unarchive.
  if (row.archived) {
    await forget(db, kept, row.id);
    return;
  }
  const { id, revision } = row;
  if (kept.parts.get(id)?.revision !== revision && kept.attention.get(id)?.revision !== revision) {
    kept.pending.set(id, revision);
  } else kept.pending.delete(id);
}

/** Takes an article out of the statistics (archived, or gone). */
async function forget(db: Store, kept: Kept, id: string): Promise<void> {
  kept.pending.delete(id);
  if (kept.parts.has(id)) {
    const old = await partInTotals(db, kept, id);
    if (old === undefined) {
      // Another server stored a newer part over it: the totals are read again, without this article's part.
      await reloadTotals(db, kept);
      return forget(db, kept, id);
    }
    kept.totals.apply(old, -1);
    kept.checkpointed = false;
    kept.parts.delete(id);
    kept.reorder = true;
    kept.snapshot = undefined;
  }
  if (kept.attention.delete(id)) kept.snapshot = undefined;
}

/**
 * Reads what changed since the last read (the revisions whose change number moved past the highest seen): what
 * changed is pending, what was archived is taken out. Every revision is read the first time, and whenever the
 * signature of all differs from the one known (a change missed, or an article deleted).
 */
async function readRevisions(db: Store, kept: Kept): Promise<void> {
  if (kept.scanned) {
    const { rows, signature } = await revisionsChangedAfter(db, kept.seen);
    for (const row of rows) await noteRevision(db, kept, row);
    // A reload of the totals (another server's part found) asks for a full read.
    if (kept.scanned && signature.count === kept.known.size && signature.sum === kept.knownSum) return;
  }
  const rows = await allRevisions(db);
  const present = new Set(rows.map((row) => row.id));
  for (const id of [...kept.parts.keys(), ...kept.attention.keys()]) {
    if (!present.has(id)) await forget(db, kept, id);
  }
  kept.known.clear();
  kept.knownSum = 0;
  kept.seen = 0;
  kept.pending.clear();
  kept.scanned = true;
  for (const row of rows) await noteRevision(db, kept, row);
  // The totals were read again meanwhile: the parts' revisions are those stored, so every row is looked at again.
  if (!kept.scanned) return readRevisions(db, kept);
}

/** The articles counted in the statistics: those not archived. */
function liveArticles(kept: Kept): number {
  let live = 0;
  for (const row of kept.known.values()) if (!row.archived) live++;
  return live;
}

/**
 * Brings one article's part up to its revision, stores it, and swaps it into the totals. An article whose review
 * cannot be computed is set aside under "needs attention", so that it never takes the corpus's statistics down.
 */
async function refresh(db: Store, kept: Kept, id: string, revision: number): Promise<void> {
  let old = kept.parts.get(id);
  // Read before a new part takes its place in the queue or on disk.
  let oldPart = old && (await partInTotals(db, kept, id));
  if (old && !oldPart) {
    await reloadTotals(db, kept);
    old = kept.parts.get(id);
    // The other server's part is the one wanted; or it moved on once more, and the next update brings it.
    if (old?.revision === revision) return;
    oldPart = old && (await partInTotals(db, kept, id));
    if (old && !oldPart) return;
  }
  const computed = await computePart(db, id);
  if (computed) kept.computed++;
  const part = computed && 'part' in computed ? computed.part : undefined;
  const entry = computed && 'attention' in computed ? computed.attention : undefined;
  if (part) {
    const json = JSON.stringify({ version: STATS_VERSION, part });
    kept.unstored.set(id, { revision, json, listed: listedJson(part), writing: false });
  }
  kept.checkpointed = false;
  // Swapped only once the new part is ready, so that the totals never miss the article meanwhile.
  if (oldPart) kept.totals.apply(oldPart, -1);
  kept.parts.delete(id);
  kept.attention.delete(id);
  if (part) {
    kept.totals.apply(part, 1);
    kept.parts.set(id, keptPart(revision, part));
  }
  if (entry) kept.attention.set(id, { revision, entry });
  kept.snapshot = undefined;
  if (old?.published !== part?.published || !old !== !part) kept.reorder = true;
  else if (part) {
    const at = kept.place.get(id);
    if (at !== undefined) kept.shown[at] = part.stats;
  }
}

/**
 * Writes the parts computed since the last write, in one transaction (one commit, so one flush to disk, for a burst's
 * slice). A part not written yet is only recomputed if the process stops first: its stored revision is behind.
 */
function storeComputed(db: Store, kept: Kept): Promise<void> {
  const parts = [...kept.unstored].filter(([, unstored]) => !unstored.writing);
  if (parts.length === 0) return kept.storing;
  for (const [, unstored] of parts) unstored.writing = true;
  kept.storing = kept.storing
    .then(async () => {
      // A store closed meanwhile: those parts are recomputed at the next start.
      if (!db.open) return;
      await db.transaction(async (tx) => {
        for (const [id, { revision, json, listed }] of parts) await storePart(tx, id, revision, json, listed);
      });
      // On disk now: partInTotals reads them there (unless a newer part of the article took the place meanwhile).
      for (const [id, unstored] of parts) if (kept.unstored.get(id) === unstored) kept.unstored.delete(id);
    })
    .catch((error: unknown) => {
      for (const [, unstored] of parts) unstored.writing = false; // tried again with the next write
      if (db.open) console.error('mt-review: statistics parts not stored (recomputed at the next start):', error);
    });
  return kept.storing;
}

/**
 * Refreshes pending articles until `budgetMs` has passed (at least one); true when none is left. The parts are
 * written a little later (a request's answer does not wait for the disk), together.
 */
async function refreshPending(db: Store, kept: Kept, budgetMs: number): Promise<boolean> {
  const start = performance.now();
  try {
    for (const [id, revision] of kept.pending) {
      kept.pending.delete(id);
      await refresh(db, kept, id, revision);
      if (performance.now() - start >= budgetMs) return kept.pending.size === 0;
    }
    return true;
  } finally {
    if (kept.unstored.size > 0 && !kept.storeTimer) {
      kept.storeTimer = setTimeout(() => {
        kept.storeTimer = undefined;
        void storeComputed(db, kept).then(() => {
          if (performance.now() - kept.checkpointAt < checkpointEveryMs) return;
          return inTurn(kept, () => writeCheckpoint(db, kept));
        });
      }, storeAfterMs).unref(); // a process that stops first leaves those parts to be recomputed
    }
  }
}

/** The statistics as the kept parts stand (shared by every caller until a part changes: not to be modified). */
function snapshot(kept: Kept): Statistics {
  if (kept.snapshot) return kept.snapshot;
  // Sorting thousands of articles on every call would cost more than the rest: only a new date or article does it.
  if (kept.reorder) {
    const order = showOrder(kept.parts);
    kept.shown = order.map((id) => (kept.parts.get(id) as KeptPart).stats);
    kept.place = new Map(order.map((id, at) => [id, at]));
    kept.reorder = false;
  }
  const attention = [...kept.attention.values()].map((a) => a.entry).sort((a, b) => (a.id < b.id ? -1 : 1));
  // A copy: the snapshot served meanwhile never changes.
  kept.snapshot = kept.totals.statistics(kept.shown.slice(), undefined, attention);
  return kept.snapshot;
}

/** Brings the pending articles up to date in slices of a few milliseconds, other requests served in between. */
function updateInBackground(db: Store, kept: Kept): Promise<void> {
  kept.updating ??= (async () => {
    try {
      while (!(await inTurn(kept, () => refreshPending(db, kept, sliceMs)))) await nextTurn();
    } finally {
      kept.updating = undefined;
    }
  })();
  return kept.updating;
}

/** How `loadStatistics` may answer. */
export interface LoadOptions {
  /**
   * Milliseconds of recomputation the caller waits for; the articles left are updated in the background and the
   * answer has their previous parts (pendingArticles says how many). Default: no limit, every part up to date.
   */
  budgetMs?: number;
}

/**
 * The statistics of all articles in the store. Stored parts are read once; revisions (kept by triggers) say which
 * articles changed since: only those are read and recomputed, their old part taken out of the totals and the new one
 * put in. A verdict thus costs one article's work, not the corpus's.
 */
export async function loadStatistics(db: Store, options: LoadOptions = {}): Promise<Statistics> {
  const kept = keptFor(db);
  const budgetMs = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const { done, missing, stats } = await inTurn(kept, async () => {
    await loadStored(db, kept);
    await readRevisions(db, kept);
    const done = await refreshPending(db, kept, budgetMs);
    const missing = !done && missingParts(kept);
    // Read in the same turn as the budgeted work: the answer does not wait for a slice of the background update.
    return { done, missing, stats: missing ? undefined : snapshot(kept) };
  });
  // Without a budget (the command line, tests) the parts are on disk once the answer is, and the checkpoint.
  if (done && budgetMs === Number.POSITIVE_INFINITY) await inTurn(kept, () => writeCheckpoint(db, kept));
  if (done) return stats as Statistics;
  const updating = updateInBackground(db, kept);
  if (!missing) {
    void updating.catch(() => {}); // a store closed meanwhile: nothing to update
    return stats as Statistics;
  }
  // An article with no part at all (new, or a cold start without stored parts) has no previous numbers to show: wait
  // for the background update, which yields between slices, so that other requests are still served meanwhile.
  await updating;
  return inTurn(kept, async () => snapshot(kept));
}

/** Whether some pending article has no part (nor a "needs attention" entry) to show meanwhile. */
function missingParts(kept: Kept): boolean {
  for (const id of kept.pending.keys()) if (!kept.parts.has(id) && !kept.attention.has(id)) return true;
  return false;
}

/** How many article parts this process computed for `db` (parts read back from the store are not counted). */
export function computedParts(db: Store): number {
  return keptFor(db).computed;
}

/**
 * Writes the parts computed and not yet written, then the checkpoint of the totals (a server stopping calls it
 * before closing its store, so that the next start reads each part's listed numbers only).
 */
export function storeComputedParts(db: Store): Promise<void> {
  const kept = keptFor(db);
  return inTurn(kept, () => writeCheckpoint(db, kept));
}

/** How the stored parts were read at start: through the checkpoint, or each whole (undefined: not read yet). */
export function statisticsLoadedFrom(db: Store): Kept['loadedFrom'] {
  return keptFor(db).loadedFrom;
}

/** Articles whose part is behind their revision as last read (being updated in the background). */
export function pendingArticles(db: Store): number {
  return keptFor(db).pending.size;
}

/**
 * Reads the stored parts and brings every article up to date in the background, a few milliseconds per turn of the
 * event loop, so that requests meanwhile are served; resolves with the number of articles once all are ready.
 */
export async function warmStatistics(db: Store, budgetMs = sliceMs): Promise<number> {
  const kept = keptFor(db);
  const articles = await inTurn(kept, async () => {
    await loadStored(db, kept);
    await readRevisions(db, kept);
    return liveArticles(kept);
  });
  while (!(await inTurn(kept, () => refreshPending(db, kept, budgetMs)))) await nextTurn();
  await inTurn(kept, async () => snapshot(kept));
  await inTurn(kept, () => writeCheckpoint(db, kept));
  return articles;
}
