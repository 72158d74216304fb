import { Injectable } from '@nestjs/common';

/** Where time comes from, so that deadlines can be tested without sleeping. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this process's time to `at` (only reachable when `CLOCK_CONTROL` is on, in tests). */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
