/** The outcome of one item of a batch: its value, or the error that item alone failed with. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a batch is being committed wait, and go together in the
 * next batch, so that one transaction (one fsync, one round trip per statement) serves many
 * writers. An item that finds the group idle goes at once, with the others of its turn of the
 * event loop; after that, batches begin at most every `minIntervalMs`: under moderate load the
 * items of a few milliseconds share one transaction instead of paying for one each. Under heavy
 * load a commit outlasts the interval and batches grow to what arrived meanwhile.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private draining = false;
  /** When the last batch began (performance.now()). */
  private lastBatchAt = -Infinity;
  private readonly maxBatch: number;
  private readonly minIntervalMs: number;

  constructor(
    /** Commits a batch; answers each item in order. Throwing fails every item of the batch. */
    private readonly commit: (items: T[]) => Promise<Settled<R>[]>,
    { maxBatch = 200, minIntervalMs = 0 }: { maxBatch?: number; minIntervalMs?: number } = {},
  ) {
    this.maxBatch = maxBatch;
    this.minIntervalMs = minIntervalMs;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // Items that arrive in the same turn (several frames read at once) share the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const wait = this.lastBatchAt + this.minIntervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastBatchAt = performance.now();
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.commit(batch.map((waiting) => waiting.item));
        batch.forEach((waiting, i) => {
          const result = results[i];
          if (!result) waiting.reject(new Error('the batch gave no answer for this item'));
          else if ('error' in result) waiting.reject(result.error);
          else waiting.resolve(result.value);
        });
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.draining = false;
  }
}
