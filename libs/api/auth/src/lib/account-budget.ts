import { Inject, Injectable } from '@nestjs/common';
import { rateLimited, TokenBucket, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';

/** Buckets kept before idle (full) ones are dropped: a full bucket is the same as none. */
const PRUNE_ABOVE = 10_000;

/**
 * Each account's one budget for everything it asks of this instance: REST requests and socket
 * events draw from the same bucket, so that many sockets or parallel requests of one account get
 * no more than one client would.
 */
@Injectable()
export class AccountBudget {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(@Inject(VIGIL_CONFIG) private readonly config: VigilConfig) {}

  /** Takes one unit of the account's budget, or refuses with `RATE_LIMITED` and when to retry. */
  spend(accountId: string): void {
    let bucket = this.buckets.get(accountId);
    if (!bucket) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune();
      bucket = new TokenBucket(this.config.accountRatePerSecond, this.config.accountBurst);
      this.buckets.set(accountId, bucket);
    }
    if (!bucket.take()) throw rateLimited(bucket.retryAfterSeconds());
  }

  private prune(): void {
    const now = Date.now();
    for (const [accountId, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(accountId);
  }
}
