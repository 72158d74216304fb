import { CASE_SOURCES, CASE_STATUSES, FACILITY_KINDS, type CaseSource, type CaseStatus, type FacilityKind } from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlaceEntity } from './place.entity';
import { UnitEntity } from './unit.entity';
import { oneOfCheck } from './check';


/**
 * A case's current state. Its log lives in `case_events`; the counters here are updated under
 * this row's lock in the same transaction as every appended event.
 */
@Entity('cases')
@Check('cases_status_check', oneOfCheck('status', CASE_STATUSES))
@Check('cases_source_check', oneOfCheck('source', CASE_SOURCES))
@Check('cases_facility_kind_check', oneOfCheck('facility_kind', FACILITY_KINDS))
@Index('cases_activity_idx', ['updatedAtProsecution', 'id'])
@Index('cases_place_idx', ['placeId'])
@Index('cases_visit_pending_idx', ['visitDueAt'], { where: 'visited_at IS NULL' })
@Index('cases_implicated_activity_idx', ['implicatedAgencyId', 'updatedAtState', 'id'], { where: 'implicated_agency_id IS NOT NULL' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('cases_reference_key', { unique: true })
  @Column('text')
  reference!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  status!: CaseStatus;

  @Column('text')
  source!: CaseSource;

  @Column('text', { name: 'facility_name' })
  facilityName!: string;

  @Column('text', { name: 'facility_kind' })
  facilityKind!: FacilityKind;

  /** The victim's identity: `oversight` data, never written to the event log. */
  @Column('text', { name: 'victim_full_name' })
  victimFullName!: string;

  @Column('int', { name: 'victim_birth_year', nullable: true })
  victimBirthYear!: number | null;

  @Column('text', { name: 'victim_contact', nullable: true })
  victimContact!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'alleged_at', nullable: true })
  allegedAt!: Date | null;

  @Column('timestamptz', { name: 'visit_due_at' })
  visitDueAt!: Date;

  @Column('timestamptz', { name: 'visited_at', nullable: true })
  visitedAt!: Date | null;

  /** The register entry of the place, when the report named one. */
  @Column('uuid', { name: 'place_id', nullable: true })
  placeId!: string | null;

  @ManyToOne(() => PlaceEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'place_id' })
  place?: PlaceEntity | null;

  /** The agency and unit the allegation implicates: its officers are kept out of the case. */
  @Column('uuid', { name: 'implicated_agency_id', nullable: true })
  implicatedAgencyId!: string | null;

  /** A unit of the implicated agency. */
  @Column('uuid', { name: 'implicated_unit_id', nullable: true })
  implicatedUnitId!: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'implicated_unit_id' })
  implicatedUnit?: UnitEntity | null;

  /** When the room was warned that the visit deadline nears, and told it was missed: each once. */
  @Column('timestamptz', { name: 'visit_warned_at', nullable: true })
  visitWarnedAt!: Date | null;

  @Column('timestamptz', { name: 'visit_missed_at', nullable: true })
  visitMissedAt!: Date | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  /** Seq of the last event of any tier. */
  @Column('int', { name: 'last_seq', default: 0 })
  lastSeq!: number;

  /** How many events each clearance may see: its `headSeq`, in its own numbering (prosecution's is `last_seq`). */
  @Column('int', { name: 'last_seq_room', default: 0 })
  lastSeqRoom!: number;

  @Column('int', { name: 'last_seq_state', default: 0 })
  lastSeqState!: number;

  @Column('int', { name: 'last_seq_oversight', default: 0 })
  lastSeqOversight!: number;

  @Column('int', { name: 'last_seq_prosecution', default: 0 })
  lastSeqProsecution!: number;

  /** Hash of the last event: the next one chains onto it. */
  @Column('text', { name: 'head_hash', default: '' })
  headHash!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  /**
   * Time of the last event each clearance may see: lists sort by the viewer's own, so that no one
   * learns of activity above their tier.
   */
  @Column('timestamptz', { name: 'updated_at_room', default: () => 'now()' })
  updatedAtRoom!: Date;

  @Column('timestamptz', { name: 'updated_at_state', default: () => 'now()' })
  updatedAtState!: Date;

  @Column('timestamptz', { name: 'updated_at_oversight', default: () => 'now()' })
  updatedAtOversight!: Date;

  @Column('timestamptz', { name: 'updated_at_prosecution', default: () => 'now()' })
  updatedAtProsecution!: Date;
}
