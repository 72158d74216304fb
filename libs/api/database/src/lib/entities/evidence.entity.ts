import { EVIDENCE_MEDIA_TYPES, TIERS, type EvidenceMediaType, type Tier } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';

/**
 * One piece of evidence of a case. Never deleted: a database trigger refuses DELETE and any
 * change but marking the item superseded, once.
 */
@Entity('evidence')
@Index('evidence_case_idx', ['caseId', 'createdAt'])
@Check('evidence_tier_check', oneOfCheck('tier', TIERS))
@Check('evidence_media_type_check', oneOfCheck('media_type', EVIDENCE_MEDIA_TYPES))
@Check('evidence_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check(
  'evidence_superseded_check',
  `(superseded_at IS NULL) = (superseded_by IS NULL) AND (superseded_at IS NULL) = (superseded_reason IS NULL)`,
)
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text')
  tier!: Tier;

  /** Recognised from the file's first bytes when it was uploaded. */
  @Column('text', { name: 'media_type' })
  mediaType!: EvidenceMediaType;

  @Column('integer')
  size!: number;

  /** Hex sha256 of the content: its address in the evidence store. */
  @Column('text')
  sha256!: string;

  /** The uploaded file's name, cleaned of paths and control characters. */
  @Column('text', { name: 'file_name' })
  fileName!: string;

  @Column('uuid', { name: 'collected_by' })
  collectedById!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collected_by' })
  collectedBy?: AccountEntity;

  /** The collector's agency when the item was collected: the first holder in its custody chain. */
  @Column('uuid', { name: 'collected_by_agency_id' })
  collectedByAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collected_by_agency_id' })
  collectedByAgency?: AgencyEntity;

  @Column('timestamptz', { name: 'collected_at' })
  collectedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededById!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'superseded_by' })
  supersededBy?: AccountEntity | null;

  @Column('text', { name: 'superseded_reason', nullable: true })
  supersededReason!: string | null;
}
