import { MeetingEntity } from './meeting.entity';
import { TIERS, type AgencyKind, type MeetingEventData, type MeetingEventType, type Principal, type SystemRole, type Tier } from '@vigil/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, Index, PrimaryGeneratedColumn } from 'typeorm';
import { oneOfCheck } from './check';

/**
 * One entry of a meeting's append-only log: a stream of the same machinery as `case_events`, with the
 * same columns but `meeting_id`. Rows are never updated or deleted; `hash` chains each
 * one onto the previous so that any change is detectable.
 */
@Entity('meeting_events')
@Index('meeting_events_seq_key', ['meetingId', 'seq'], { unique: true })
@Index('meeting_events_seq_room_key', ['meetingId', 'seqRoom'], { unique: true, where: 'seq_room IS NOT NULL' })
@Index('meeting_events_seq_state_key', ['meetingId', 'seqState'], { unique: true, where: 'seq_state IS NOT NULL' })
@Index('meeting_events_seq_oversight_key', ['meetingId', 'seqOversight'], { unique: true, where: 'seq_oversight IS NOT NULL' })
@Index('meeting_events_client_key', ['meetingId', 'actorId', 'clientId'], { unique: true, where: 'client_id IS NOT NULL' })
@Check('meeting_events_tier_check', oneOfCheck('tier', TIERS))
export class MeetingEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  /** The meeting's global order: the prosecution's numbering, the hash chain's order. */
  @Column('int')
  seq!: number;

  /**
   * The event's number in each lower clearance's own numbering: that clearance's events counted
   * 1, 2, 3… with no gaps; `null` where the clearance cannot read the event.
   */
  @Column('int', { name: 'seq_room', nullable: true })
  seqRoom!: number | null;

  @Column('int', { name: 'seq_state', nullable: true })
  seqState!: number | null;

  @Column('int', { name: 'seq_oversight', nullable: true })
  seqOversight!: number | null;

  /** One of the catalogue's (`MeetingEventData`): only `NewMeetingEvent`s are appended. */
  @Column('text')
  type!: MeetingEventType;

  @Column('text')
  tier!: Tier;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { name: 'actor_id' })
  actorId!: string;

  /** The actor as they were when acting: the record does not change when an account does. */
  @Column('text', { name: 'actor_name' })
  actorName!: string;

  @Column('text', { name: 'actor_role' })
  actorRole!: Principal;

  @Column('text', { name: 'actor_agency_kind' })
  actorAgencyKind!: AgencyKind | SystemRole;

  /** As written for its type; `isEvent` narrows it. */
  @Column('jsonb')
  data!: MeetingEventData[MeetingEventType];

  /** Idempotency key of a posted message, scoped to (meeting, author). */
  @Column('uuid', { name: 'client_id', nullable: true })
  clientId!: string | null;

  /**
   * The previous seq each clearance could see when the event was written, kept because the hash
   * covers it: in the global order before migration 1700000000009, in the clearance's own
   * numbering since. Views derive `prevSeq` from the clearance's seq instead.
   */
  @Column('int', { name: 'prev_seq_room' })
  prevSeqRoom!: number;

  @Column('int', { name: 'prev_seq_state' })
  prevSeqState!: number;

  @Column('int', { name: 'prev_seq_oversight' })
  prevSeqOversight!: number;

  @Column('int', { name: 'prev_seq_prosecution' })
  prevSeqProsecution!: number;

  @Column('text')
  hash!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;
}
