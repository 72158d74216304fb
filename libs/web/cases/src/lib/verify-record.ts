import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { VerifyResult } from '@vigil/contracts';
import { CasesApi } from '@vigil/web-data-access';
import { TranslatePipe } from '@vigil/web-i18n';
import { firstValueFrom } from 'rxjs';

type Check = { state: 'idle' | 'checking' | 'failed' } | { state: 'done'; result: VerifyResult };

/**
 * "Verify this record": the server recomputes the case's hash chain, and the answer is said in
 * words: intact (and how many events were checked), or the first event where it was altered.
 */
@Component({
  selector: 'vigil-verify-record',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button matButton="outlined" type="button" (click)="verify()" [disabled]="check().state === 'checking'" data-testid="verify-record">
      {{ 'verify.action' | translate }}
    </button>
    <p class="verdict" role="status" [attr.data-state]="verdict()" data-testid="verify-result">
      @switch (check().state) {
        @case ('checking') {
          {{ 'verify.checking' | translate }}
        }
        @case ('failed') {
          {{ 'verify.failed' | translate }}
        }
        @case ('done') {
          @if (result(); as result) {
            @if (result.ok) {
              {{ 'verify.intact' | translate: { count: result.headSeq } }}
            } @else {
              {{ 'verify.broken' | translate: { seq: result.firstBrokenSeq ?? '?' } }}
            }
          }
        }
      }
    </p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .verdict {
      margin: 0;
    }
    .verdict[data-state='broken'],
    .verdict[data-state='failed'] {
      padding: 0.5rem 0.75rem;
      border-radius: 8px;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class VerifyRecord {
  private readonly api = inject(CasesApi);

  readonly caseId = input.required<string>();
  protected readonly check = signal<Check>({ state: 'idle' });
  protected readonly result = computed(() => {
    const check = this.check();
    return check.state === 'done' ? check.result : null;
  });
  protected readonly verdict = computed(() => {
    const result = this.result();
    return result ? (result.ok ? 'intact' : 'broken') : this.check().state;
  });

  protected async verify(): Promise<void> {
    this.check.set({ state: 'checking' });
    try {
      this.check.set({ state: 'done', result: await firstValueFrom(this.api.verify(this.caseId())) });
    } catch {
      this.check.set({ state: 'failed' });
    }
  }
}
