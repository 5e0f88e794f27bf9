// Group commit for verdicts: requests that arrive together share one transaction and one fsync, then all get answered.
import {
  type BatchOutcome,
  recordVerdictBatch,
  type Store,
  type StoredVerdict,
  type VerdictInput,
} from '../store/index.ts';

type Recorded = { verdict: StoredVerdict; duplicate: boolean };

interface Waiting {
  input: VerdictInput;
  resolve(recorded: Recorded): void;
  reject(error: unknown): void;
}

/**
 * Queues verdicts until the event loop has read every request that is ready, then records them in one batch. With
 * synchronous=FULL the fsync dominates a verdict's cost; sharing it keeps each acknowledgement after its data is on
 * disk while many reviewers save at once. A lone request waits only for the end of the current loop turn.
 */
export class VerdictGroupCommit {
  private readonly db: Store;
  private waiting: Waiting[] = [];

  constructor(db: Store) {
    this.db = db;
  }

  /** Resolves once the verdict is committed (or the batch says why it was refused). */
  record(input: VerdictInput): Promise<Recorded> {
    return new Promise<Recorded>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    let outcomes: BatchOutcome[];
    try {
      outcomes = recordVerdictBatch(
        this.db,
        batch.map((w) => w.input),
      );
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const w = batch[i] as Waiting;
      if ('recorded' in outcome) w.resolve(outcome.recorded);
      else w.reject(outcome.error);
    });
  }
}
