import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { CaseEventsBus, CasesService, SYSTEM_PRINCIPAL } from '@vigil/api-cases';
import { CaseEntity } from '@vigil/api-database';
import type { VisitAlert } from '@vigil/contracts';
import type { DataSource } from 'typeorm';

const SWEEP_EVERY_MS = 30_000;

/**
 * The visit clock: a report starts it, arrival stops it. Each sweep warns the room once when the
 * deadline nears and once when it is missed, and alerts those who may open the case.
 */
@Injectable()
export class VisitClock implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('VisitClock');
  private timer?: NodeJS.Timeout;
  private sweeping: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly bus: CaseEventsBus,
    private readonly clock: Clock,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.error({ err: String(error) }, 'sweep failed')), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Records every alert now due; returns how many. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.run().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async run(): Promise<number> {
    const now = this.clock.now();
    const warnAt = new Date(now.getTime() + this.config.visitWarningHours * 3_600_000);
    const due = await this.db
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(`c.visited_at IS NULL AND c.status IN ('registered', 'visit_dispatched')`)
      .andWhere('((c.visit_warned_at IS NULL AND c.visit_due_at <= :warnAt) OR (c.visit_missed_at IS NULL AND c.visit_due_at <= :now))', { warnAt, now })
      .getMany();
    let alerts = 0;
    for (const { id } of due) {
      const raised = await this.cases.change(SYSTEM_PRINCIPAL, id, 'case.read', async ({ manager, kase, append }) => {
        const out: VisitAlert[] = [];
        // Checked again under the lock: an arrival or another sweep may have come first.
        if (kase.visitedAt !== null || !['registered', 'visit_dispatched'].includes(kase.status)) return out;
        const alert = (kind: VisitAlert['kind']): VisitAlert => ({ kind, caseId: kase.id, reference: kase.reference, visitDueAt: kase.visitDueAt.toISOString() });
        if (kase.visitMissedAt === null && kase.visitDueAt <= now) {
          await manager.update(CaseEntity, { id: kase.id }, { visitMissedAt: now, visitWarnedAt: kase.visitWarnedAt ?? now });
          await append({ type: 'visit.deadline_missed', tier: 'room', data: { visitDueAt: kase.visitDueAt.toISOString() } });
          out.push(alert('visit_deadline_missed'));
        } else if (kase.visitWarnedAt === null && kase.visitDueAt <= warnAt) {
          await manager.update(CaseEntity, { id: kase.id }, { visitWarnedAt: now });
          await append({ type: 'visit.deadline_near', tier: 'room', data: { visitDueAt: kase.visitDueAt.toISOString() } });
          out.push(alert('visit_deadline_near'));
        }
        return out;
      });
      for (const alert of raised) this.bus.emit('alert', alert);
      alerts += raised.length;
    }
    if (alerts) this.logger.warn({ event: 'visit.alerts', alerts }, 'visit deadline alerts raised');
    return alerts;
  }
}
