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
 * writers. Nothing waits on a timer: under light load a batch holds the items of one turn of
 * the event loop; under heavy load batches grow to what arrived during the previous commit.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private draining = false;

  constructor(
    /** Commits a batch; answers each item in order. Throwing fails every item of the batch. */
    private readonly commit: (items: T[]) => Promise<Settled<R>[]>,
    private readonly maxBatch = 200,
  ) {}

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
