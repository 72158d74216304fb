import { SOCKET_LIMITS } from '@vigil/contracts';

/** A token bucket per socket: bursts up to `burst`, refilled at `eventsPerSecond`. */
export class TokenBucket {
  private tokens: number = SOCKET_LIMITS.burst;
  private refilledAt = Date.now();

  constructor(
    private readonly ratePerSecond: number = SOCKET_LIMITS.eventsPerSecond,
    private readonly burst: number = SOCKET_LIMITS.burst,
  ) {
    this.tokens = burst;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
