import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { MyWork } from '@vigil/contracts';
import { firstValueFrom, Subscription } from 'rxjs';
import { CaseSocket } from './case-socket';
import { WorkflowApi } from './workflow-api';

/** Activity in several cases at once is read back once, this long after the last of it. */
export const MY_WORK_REFRESH_DELAY_MS = 300;

/**
 * "My work": my open tasks and the visits I must make or supervise. Any activity in a case I
 * may see (a task assigned to me, a visit recorded) reads the list again, so it stays current live.
 */
@Injectable()
export class MyWorkStore {
  private readonly api = inject(WorkflowApi);
  private readonly socket = inject(CaseSocket);
  private readonly subscriptions = new Subscription();
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private loaded = false;

  readonly work = signal<MyWork | null>(null);
  readonly loading = signal(false);
  readonly failed = signal(false);

  constructor() {
    this.subscriptions.add(this.socket.activity$.subscribe(() => this.refreshSoon()));
    this.subscriptions.add(this.socket.alerts$.subscribe(() => this.refreshSoon()));
    // Whatever happened while disconnected.
    this.subscriptions.add(this.socket.connected$.subscribe(() => this.refreshSoon()));
    inject(DestroyRef).onDestroy(() => {
      this.subscriptions.unsubscribe();
      if (this.refreshTimer !== null) {
        clearTimeout(this.refreshTimer);
      }
    });
  }

  async load(): Promise<void> {
    this.socket.connect();
    this.loading.set(true);
    try {
      this.work.set(await firstValueFrom(this.api.myWork()));
      this.failed.set(false);
      this.loaded = true;
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  private refreshSoon(): void {
    if (!this.loaded) {
      return;
    }
    if (this.refreshTimer !== null) {
      clearTimeout(this.refreshTimer);
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.load();
    }, MY_WORK_REFRESH_DELAY_MS);
  }
}
