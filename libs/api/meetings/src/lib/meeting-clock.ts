import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@vigil/api-core';
import { CaseEventsBus } from '@vigil/api-cases';
import type { ActionItemEntity } from '@vigil/api-database';
import type { ActionItemAlert } from '@vigil/contracts';
import type { DataSource } from 'typeorm';

const SWEEP_EVERY_MS = 30_000;
const DEFAULT_ACK_DEADLINE_HOURS = 24;

/** `ACK_DEADLINE_HOURS` (default 24): how long an assignee agency has to acknowledge an action item. */
export function ackDeadlineHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env['ACK_DEADLINE_HOURS'] ?? DEFAULT_ACK_DEADLINE_HOURS);
  return Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_ACK_DEADLINE_HOURS;
}

/**
 * The acknowledgement clock, like the visit clock: an action item not acknowledged within
 * `ACK_DEADLINE_HOURS` of its decision alerts the chair once; one past its due date and not done
 * becomes `overdue` and alerts the chair once. Sweeps run on a timer and before the reads that
 * show the result (suggestions, "My work"), so a moved test clock is seen at once.
 */
@Injectable()
export class MeetingClock implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MeetingClock');
  private readonly deadlineHours = ackDeadlineHours();
  private timer?: NodeJS.Timeout;
  private sweeping: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: CaseEventsBus,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.error({ err: String(error) }, 'sweep failed')), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Raises every alert now due; returns how many. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.run().finally(() => (this.sweeping = null));
    return this.sweeping;
  }

  private async run(): Promise<number> {
    const now = this.clock.now();
    const ackBy = new Date(now.getTime() - this.deadlineHours * 3_600_000);
    // Each alert once: the row is claimed by the statement that marks it.
    const unacknowledged: (ActionItemEntity & { chair_id: string })[] = (
      await this.db.query(
        `UPDATE action_items a SET ack_alerted_at = $1 FROM meetings m
          WHERE m.id = a.meeting_id AND a.acknowledged_at IS NULL AND a.ack_alerted_at IS NULL AND a.created_at <= $2
        RETURNING a.id, a.meeting_id, a.title, a.assignee_agency_id, a.due_at, m.chair_id`,
        [now, ackBy],
      )
    )[0];
    const overdue: (ActionItemEntity & { chair_id: string })[] = (
      await this.db.query(
        `UPDATE action_items a SET status = 'overdue' FROM meetings m
          WHERE m.id = a.meeting_id AND a.status IN ('open', 'acknowledged') AND a.due_at < $1
        RETURNING a.id, a.meeting_id, a.title, a.assignee_agency_id, a.due_at, m.chair_id`,
        [now],
      )
    )[0];
    const raise = (kind: ActionItemAlert['kind'], rows: Record<string, unknown>[]) => {
      for (const row of rows) {
        this.bus.emit('actionItemAlert', row['chair_id'] as string, {
          kind,
          meetingId: row['meeting_id'] as string,
          actionItemId: row['id'] as string,
          title: row['title'] as string,
          assigneeAgencyId: row['assignee_agency_id'] as string,
          dueAt: new Date(row['due_at'] as string).toISOString(),
        });
      }
    };
    raise('action_item_unacknowledged', unacknowledged as never);
    raise('action_item_overdue', overdue as never);
    const alerts = unacknowledged.length + overdue.length;
    if (alerts) this.logger.warn({ event: 'action_items.alerts', alerts }, 'action item alerts raised');
    return alerts;
  }
}
