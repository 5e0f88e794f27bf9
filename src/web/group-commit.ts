// Group commit for verdicts: requests that arrive together share one transaction and one fsync, then all get answered.
import { type Recorded, recordVerdictBatch, type Store, type VerdictInput } from '../store/index.ts';

interface Waiting {
  input: VerdictInput;
  resolve(recorded: Recorded): void;
  reject(error: unknown): void;
}

/**
 * Queues verdicts until the event loop has read every request that is ready, then records them in one batch. With
 * synchronous=FULL (or PostgreSQL's synchronous commit) the flush to disk dominates a verdict's cost; sharing it keeps
 * each acknowledgement after its data is on disk while many reviewers save at once. One batch is written at a time:
 * what arrives meanwhile forms the next one. A lone request waits only for the end of the current loop turn.
 */
export class VerdictGroupCommit {
  private readonly db: Store;
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(db: Store) {
    this.db = db;
  }

  /** Resolves once the verdict is committed (or the batch says why it was refused). */
  record(input: VerdictInput): Promise<Recorded> {
    return new Promise<Recorded>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length === 1 && !this.writing) setImmediate(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.writing = true;
    try {
      const outcomes = await recordVerdictBatch(
        this.db,
        batch.map((w) => w.input),
      );
      outcomes.forEach((outcome, i) => {
        const w = batch[i] as Waiting;
        if ('recorded' in outcome) w.resolve(outcome.recorded);
        else w.reject(outcome.error);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.writing = false;
      if (this.waiting.length > 0) setImmediate(() => this.flush());
    }
  }
}
