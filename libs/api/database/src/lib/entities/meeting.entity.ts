import { ACTION_ITEM_STATUSES, AGENDA_ITEM_STATES, MEETING_STATUSES, TIERS, type ActionItemStatus, type AgendaItemState, type MeetingStatus, type Tier } from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';

/**
 * A meeting's current state. Like a case, it heads a log (`meeting_events`): the counters here move
 * under this row's lock in the same transaction as every appended event.
 */
@Entity('meetings')
@Check('meetings_status_check', oneOfCheck('status', MEETING_STATUSES))
@Index('meetings_scheduled_idx', ['scheduledAt', 'id'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('meetings_reference_key', { unique: true })
  @Column('text')
  reference!: string;

  @Column('text')
  title!: string;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('text', { nullable: true })
  place!: string | null;

  @Column('text', { default: 'planned' })
  status!: MeetingStatus;

  @Column('uuid', { name: 'chair_id' })
  chairId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_id' })
  chair?: AccountEntity;

  /** The minutes as each clearance reads them, frozen at approval; their hash is chained in the log. */
  @Column('jsonb', { name: 'approved_minutes', nullable: true })
  approvedMinutes!: Record<Tier, unknown> | null;

  @Column('text', { name: 'minutes_hash', nullable: true })
  minutesHash!: string | null;

  @Column('timestamptz', { name: 'minutes_approved_at', nullable: true })
  minutesApprovedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  /** The log's head, as for a case (see `CaseEntity`). */
  @Column('int', { name: 'last_seq', default: 0 })
  lastSeq!: number;

  @Column('int', { name: 'last_seq_room', default: 0 })
  lastSeqRoom!: number;

  @Column('int', { name: 'last_seq_state', default: 0 })
  lastSeqState!: number;

  @Column('int', { name: 'last_seq_oversight', default: 0 })
  lastSeqOversight!: number;

  @Column('int', { name: 'last_seq_prosecution', default: 0 })
  lastSeqProsecution!: number;

  @Column('text', { name: 'head_hash', default: '' })
  headHash!: string;

  @Column('timestamptz', { name: 'updated_at_room', default: () => 'now()' })
  updatedAtRoom!: Date;

  @Column('timestamptz', { name: 'updated_at_state', default: () => 'now()' })
  updatedAtState!: Date;

  @Column('timestamptz', { name: 'updated_at_oversight', default: () => 'now()' })
  updatedAtOversight!: Date;

  @Column('timestamptz', { name: 'updated_at_prosecution', default: () => 'now()' })
  updatedAtProsecution!: Date;
}

/** Who is invited, and when they were first present. */
@Entity('meeting_participants')
@Index('meeting_participants_account_idx', ['accountId'])
export class MeetingParticipantEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('timestamptz', { name: 'attended_at', nullable: true })
  attendedAt!: Date | null;
}

@Entity('agenda_items')
@Check('agenda_items_state_check', oneOfCheck('state', AGENDA_ITEM_STATES))
@Check('agenda_items_tier_check', oneOfCheck('tier', TIERS))
@Index('agenda_items_meeting_idx', ['meetingId', 'position'])
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column('int')
  position!: number;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity | null;

  @Column('text', { nullable: true })
  topic!: string | null;

  @Column('text')
  tier!: Tier;

  @Column('text', { default: 'pending' })
  state!: AgendaItemState;
}

/** A note on an agenda item, at a tier. */
@Entity('meeting_notes')
@Check('meeting_notes_tier_check', oneOfCheck('tier', TIERS))
@Index('meeting_notes_item_idx', ['itemId'])
export class MeetingNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'item_id' })
  itemId!: string;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: AgendaItemEntity;

  @Column('text')
  tier!: Tier;

  @Column('text')
  body!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text', { name: 'author_name' })
  authorName!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;
}

@Entity('meeting_decisions')
@Check('meeting_decisions_tier_check', oneOfCheck('tier', TIERS))
@Index('meeting_decisions_item_idx', ['itemId'])
export class MeetingDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'item_id' })
  itemId!: string;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: AgendaItemEntity;

  @Column('text')
  text!: string;

  @Column('text')
  tier!: Tier;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;
}

/** What a decision asks of an agency; with a case, it is also a task of that case. */
@Entity('action_items')
@Check('action_items_status_check', oneOfCheck('status', ACTION_ITEM_STATUSES))
@Check('action_items_tier_check', oneOfCheck('tier', TIERS))
@Index('action_items_decision_idx', ['decisionId'])
@Index('action_items_assignee_idx', ['assigneeAgencyId', 'status'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  @Column('uuid', { name: 'decision_id' })
  decisionId!: string;

  @ManyToOne(() => MeetingDecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id' })
  decision?: MeetingDecisionEntity;

  @Column('text')
  title!: string;

  @Column('text')
  tier!: Tier;

  @Column('uuid', { name: 'assignee_agency_id' })
  assigneeAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_agency_id' })
  assigneeAgency?: AgencyEntity;

  @Column('uuid', { name: 'assignee_user_id', nullable: true })
  assigneeUserId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_user_id' })
  assigneeUser?: AccountEntity | null;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('uuid', { name: 'task_id', nullable: true })
  taskId!: string | null;

  @Column('text', { default: 'open' })
  status!: ActionItemStatus;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('uuid', { name: 'acknowledged_by', nullable: true })
  acknowledgedBy!: string | null;

  @Column('text', { name: 'acknowledged_by_name', nullable: true })
  acknowledgedByName!: string | null;

  @Column('text', { nullable: true })
  receipt!: string | null;

  /** When the chair was told it was not acknowledged in time, and when it went overdue: each once. */
  @Column('timestamptz', { name: 'ack_alerted_at', nullable: true })
  ackAlertedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}

/** The list of speakers: who asked for the floor, when the chair gave it, when they finished. */
@Entity('meeting_speakers')
@Index('meeting_speakers_meeting_idx', ['meetingId', 'requestedAt'])
export class MeetingSpeakerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId!: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  /** The agenda item under discussion when the floor was asked for. */
  @Column('uuid', { name: 'item_id', nullable: true })
  itemId!: string | null;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt!: Date | null;
}
