import {
  EXAMINATION_STATUSES,
  EXAMINATION_TIERS,
  EXAMINATION_TYPES,
  ISTANBUL_CONCLUSIONS,
  type ExaminationStatus,
  type ExaminationTier,
  type ExaminationType,
  type IstanbulConclusion,
} from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';


/** A forensic examination appointed by a prosecutor; its content is `oversight` data at least. */
@Entity('examinations')
@Index('examinations_case_idx', ['caseId', 'appointedAt'])
@Check('examinations_type_check', oneOfCheck('type', EXAMINATION_TYPES))
@Check('examinations_tier_check', oneOfCheck('tier', EXAMINATION_TIERS))
@Check('examinations_status_check', oneOfCheck('status', EXAMINATION_STATUSES))
@Check('examinations_conclusion_check', oneOfCheck('conclusion', ISTANBUL_CONCLUSIONS))
// A completed examination has a conclusion, the no-officer confirmation and the consent.
@Check(
  'examinations_completed_check',
  `status <> 'completed' OR (conclusion IS NOT NULL AND no_implicated_officer_present IS TRUE AND consent_given AND completed_at IS NOT NULL)`,
)
export class ExaminationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  type!: ExaminationType;

  @Column('text')
  institution!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  tier!: ExaminationTier;

  @Column('text')
  status!: ExaminationStatus;

  @Column('boolean', { name: 'consent_given' })
  consentGiven!: boolean;

  @Column('timestamptz', { name: 'consent_recorded_at' })
  consentRecordedAt!: Date;

  @Column('text', { name: 'consent_note', nullable: true })
  consentNote!: string | null;

  @Column('boolean', { name: 'no_implicated_officer_present', nullable: true })
  noImplicatedOfficerPresent!: boolean | null;

  @Column('text', { nullable: true })
  conclusion!: IstanbulConclusion | null;

  @Column('text', { name: 'conclusion_notes', nullable: true })
  conclusionNotes!: string | null;

  @Column('uuid', { name: 'appointed_by' })
  appointedById!: string;

  @Column('timestamptz', { name: 'appointed_at', default: () => 'now()' })
  appointedAt!: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointed_by' })
  appointedBy?: AccountEntity;
}
