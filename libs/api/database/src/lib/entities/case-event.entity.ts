import { CaseEntity } from './case.entity';
import { TIERS, type AgencyKind, type CaseEventRecordedData, type CaseEventType, type Principal, type SystemRole, type Tier } from '@vigil/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, Index, PrimaryGeneratedColumn } from 'typeorm';
import { oneOfCheck } from './check';

/**
 * One entry of a case's append-only log. Rows are never updated or deleted; `hash` chains each
 * one onto the previous so that any change is detectable.
 */
@Entity('case_events')
// Unique on (case_id, seq), INCLUDE (tier): see migration 1700000000008. TypeORM cannot declare
// INCLUDE, so it leaves this index to the migrations.
@Index('case_events_seq_key', { synchronize: false })
@Index('case_events_seq_room_key', ['caseId', 'seqRoom'], { unique: true, where: 'seq_room IS NOT NULL' })
@Index('case_events_seq_state_key', ['caseId', 'seqState'], { unique: true, where: 'seq_state IS NOT NULL' })
@Index('case_events_seq_oversight_key', ['caseId', 'seqOversight'], { unique: true, where: 'seq_oversight IS NOT NULL' })
@Index('case_events_client_key', ['caseId', 'actorId', 'clientId'], { unique: true, where: 'client_id IS NOT NULL' })
@Check('case_events_tier_check', oneOfCheck('tier', TIERS))
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** The case's global order: the prosecution's numbering, the hash chain's order. */
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

  /** One of the catalogue's (`CaseEventData`): only `NewCaseEvent`s are appended. */
  @Column('text')
  type!: CaseEventType;

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
  data!: CaseEventRecordedData[CaseEventType];

  /** Idempotency key of a posted message, scoped to (case, author). */
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

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
}
