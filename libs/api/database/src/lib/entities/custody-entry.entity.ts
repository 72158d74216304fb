import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { EvidenceEntity } from './evidence.entity';

/**
 * One link of an evidence item's chain of custody: seq 1 is the collection, each later one a
 * hand-over. Append-only: a database trigger refuses UPDATE and DELETE.
 */
@Entity('custody_entries')
@Check('custody_entries_origin_check', `seq >= 1 AND (seq = 1) = (from_agency_id IS NULL)`)
export class CustodyEntryEntity {
  @PrimaryColumn('uuid', { name: 'evidence_id' })
  evidenceId!: string;

  @PrimaryColumn('integer')
  seq!: number;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: EvidenceEntity;

  /** `null` for the collection. */
  @Column('uuid', { name: 'from_agency_id', nullable: true })
  fromAgencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_agency_id' })
  fromAgency?: AgencyEntity | null;

  @Column('uuid', { name: 'to_agency_id' })
  toAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_agency_id' })
  toAgency?: AgencyEntity;

  @Column('uuid', { name: 'handed_over_by' })
  handedOverById!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handed_over_by' })
  handedOverBy?: AccountEntity;

  @Column('text', { name: 'received_by', nullable: true })
  receivedBy!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('timestamptz')
  at!: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
