import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/** Now, as a signal that moves every `periodMs`: deadlines shown as time left stay true. Call in an injection context. */
export function ticking(periodMs: number): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
