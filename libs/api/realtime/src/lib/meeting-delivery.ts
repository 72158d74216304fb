import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CaseEventsBus, clearancesReading } from '@vigil/api-cases';
import type { MeetingEventEntity } from '@vigil/api-database';
import { MeetingsService, toMeetingEventView } from '@vigil/api-meetings';
import { accountRoom, meetingRoom, meetingTierRoom, type VigilServer } from './rooms';

/** Joins and leaves within this long of each other make one presence announcement. */
const PRESENCE_DELAY_MS = 100;

/**
 * Live delivery of meetings, as `CaseDelivery` does it for cases: each committed event to the rooms
 * of the clearances that may read it, in that clearance's numbering and in seq order per meeting;
 * presence to the meeting's room; alerts to the chair.
 */
@Injectable()
export class MeetingDelivery implements OnModuleInit {
  private server!: VigilServer;
  private readonly logger = new Logger('MeetingDelivery');
  private readonly publishing = new Map<string, Promise<void>>();
  private readonly presenceDue = new Set<string>();

  constructor(
    private readonly bus: CaseEventsBus,
    private readonly meetings: MeetingsService,
  ) {}

  attach(server: VigilServer): void {
    this.server = server;
  }

  onModuleInit(): void {
    this.bus.on('meetingAppended', (meetingId, events) => this.inOrder(meetingId, () => this.publish(meetingId, events)));
    this.bus.on('actionItemAlert', (chairId, alert) => this.server.to(accountRoom(chairId)).emit('meeting:alert', alert));
  }

  private inOrder(meetingId: string, publish: () => Promise<void>): void {
    const run = (this.publishing.get(meetingId) ?? Promise.resolve())
      .then(publish)
      .catch((error) => this.fail('publish', error))
      .finally(() => {
        if (this.publishing.get(meetingId) === run) this.publishing.delete(meetingId);
      });
    this.publishing.set(meetingId, run);
  }

  private async publish(meetingId: string, events: MeetingEventEntity[]): Promise<void> {
    const local = this.server.local;
    for (const event of events) {
      for (const clearance of clearancesReading(event.tier)) local.to(meetingTierRoom(meetingId, clearance)).emit('meeting:event', toMeetingEventView(event, clearance));
    }
    // The session opened: whoever is joined is present from now.
    if (events.some((event) => event.type === 'meeting.opened')) await this.markJoinedPresent(meetingId);
  }

  private async markJoinedPresent(meetingId: string): Promise<void> {
    const sockets = await this.server.local.in(meetingRoom(meetingId)).fetchSockets();
    const users = new Map(sockets.map((socket) => [socket.data.user.id, socket.data.user]));
    for (const user of users.values()) await this.meetings.markAttended(user, meetingId, user.id, 'joined');
  }

  presenceChanged(meetingId: string): void {
    if (this.presenceDue.has(meetingId)) return;
    this.presenceDue.add(meetingId);
    setTimeout(() => {
      this.presenceDue.delete(meetingId);
      this.online(meetingId)
        .then((online) => this.server.to(meetingRoom(meetingId)).emit('meeting:presence', { meetingId, online }))
        .catch((error) => this.fail('presence', error));
    }, PRESENCE_DELAY_MS).unref();
  }

  async online(meetingId: string): Promise<string[]> {
    const sockets = await this.server.in(meetingRoom(meetingId)).fetchSockets();
    return [...new Set(sockets.map((socket) => socket.data.user.id))];
  }

  private fail(what: string, error: unknown): void {
    this.logger.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, `${what} failed`);
  }
}
