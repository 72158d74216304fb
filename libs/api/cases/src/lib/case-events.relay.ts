import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionsService } from '@vigil/api-auth';
import { CaseEventEntity, MeetingEventEntity, SESSIONS_REVOKED_CHANNEL } from '@vigil/api-database';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Between, type DataSource } from 'typeorm';
import { CaseEventsBus } from './case-events.bus';

/** The PostgreSQL channel on which committed events are announced. */
export const CASE_EVENTS_CHANNEL = 'vigil_case_events';

/** A NOTIFY payload must stay under 8,000 bytes. */
const MAX_ANNOUNCEMENT_BYTES = 7_000;
const RECONNECT_MS = 1_000;

/** What an announcement says: this instance appended seqs `from`..`to` of these cases (or meetings). */
interface Announcement {
  instance: string;
  cases: [caseId: string, from: number, to: number][];
  /** The stream the ids are of; absent for cases (announcements before meetings had none). */
  kind?: 'meeting';
}

/**
 * Carries committed events between instances. The statement that appends events also NOTIFYs,
 * so an announcement goes out exactly when its events commit, and in commit order; every other
 * instance LISTENs, reads the announced events from the log and hands them to its own live
 * delivery. The instance that appended them already has them in memory and ignores its own.
 * PostgreSQL stays the source of truth: whatever a dropped listener missed, catch-up serves.
 */
@Injectable()
export class CaseEventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly instance = randomUUID();
  private readonly logger = new Logger('Relay');
  private listener: Client | null = null;
  private closing = false;
  /** Announcements are handled one after another: delivery keeps commit order. */
  private received: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: CaseEventsBus,
    private readonly sessions: SessionsService,
  ) {}

  /** The NOTIFY payloads announcing these events of one kind of stream (in seq order per stream). */
  announcements(kind: 'case' | 'meeting', events: (CaseEventEntity | MeetingEventEntity)[]): string[] {
    const ranges = new Map<string, [string, number, number]>();
    for (const event of events) {
      const id = 'caseId' in event ? event.caseId : event.meetingId;
      const range = ranges.get(id);
      if (range) range[2] = event.seq;
      else ranges.set(id, [id, event.seq, event.seq]);
    }
    const payloads: string[] = [];
    let cases: Announcement['cases'] = [];
    const flush = () => cases.length && payloads.push(JSON.stringify({ instance: this.instance, cases, ...(kind === 'meeting' && { kind }) } satisfies Announcement));
    for (const range of ranges.values()) {
      cases.push(range);
      // A uuid and two numbers take under 60 bytes.
      if ((cases.length + 1) * 60 > MAX_ANNOUNCEMENT_BYTES) {
        flush();
        cases = [];
      }
    }
    flush();
    return payloads;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.listener?.end().catch(() => undefined);
    await this.received;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: (this.db.options as { url?: string }).url });
    client.on('notification', ({ channel, payload }) => {
      if (!payload) return;
      // A session ended, here or on another instance: its sockets close at once.
      if (channel === SESSIONS_REVOKED_CHANNEL) this.sessions.revocations.emit('revoked', [payload]);
      else this.announced(payload);
    });
    client.on('error', (error) => this.logger.warn({ err: { message: error.message } }, 'listener failed'));
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
      if (!this.closing) setTimeout(() => void this.listen().catch((error) => this.logger.warn({ err: { message: String(error) } }, 'listener reconnect failed')), RECONNECT_MS);
    });
    await client.connect();
    await client.query(`LISTEN ${CASE_EVENTS_CHANNEL}`);
    await client.query(`LISTEN ${SESSIONS_REVOKED_CHANNEL}`);
    this.listener = client;
  }

  private announced(payload: string): void {
    const announcement = JSON.parse(payload) as Announcement;
    if (announcement.instance === this.instance) return;
    for (const [caseId, from, to] of announcement.cases) {
      this.received = this.received
        .then(async () => {
          if (announcement.kind === 'meeting') {
            const events = await this.db.getRepository(MeetingEventEntity).find({ where: { meetingId: caseId, seq: Between(from, to) }, order: { seq: 'ASC' } });
            if (events.length) this.bus.emit('meetingAppended', caseId, events);
            return;
          }
          const events = await this.db.getRepository(CaseEventEntity).find({ where: { caseId, seq: Between(from, to) }, order: { seq: 'ASC' } });
          if (events.length) this.bus.emit('appended', caseId, events);
        })
        .catch((error) => this.logger.error({ err: { message: String(error) } }, 'relaying events failed'));
    }
  }
}
