import { MEASURE_STATUSES, PROSECUTORIAL_ACTS, type MeasureStatus, type ProsecutorialAct } from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';

/** A cause or condition found, and the act of prosecutorial response adopted against it, tracked to completion. */
@Entity('remedial_measures')
@Index('remedial_measures_case_idx', ['caseId', 'adoptedAt'])
@Check('remedial_measures_act_check', oneOfCheck('act', PROSECUTORIAL_ACTS))
@Check('remedial_measures_status_check', oneOfCheck('status', MEASURE_STATUSES))
@Check('remedial_measures_done_check', `status <> 'done' OR (completion_note IS NOT NULL AND completed_at IS NOT NULL AND completed_by IS NOT NULL)`)
export class RemedialMeasureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  cause!: string;

  @Column('text')
  act!: ProsecutorialAct;

  @Column('text')
  description!: string;

  @Column('uuid', { name: 'addressed_to_agency_id', nullable: true })
  addressedToAgencyId!: string | null;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  status!: MeasureStatus;

  @Column('uuid', { name: 'adopted_by' })
  adoptedById!: string;

  @Column('timestamptz', { name: 'adopted_at', default: () => 'now()' })
  adoptedAt!: Date;

  @Column('text', { name: 'completion_note', nullable: true })
  completionNote!: string | null;

  @Column('uuid', { name: 'completed_by', nullable: true })
  completedById!: string | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'addressed_to_agency_id' })
  addressedTo?: AgencyEntity | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adopted_by' })
  adoptedBy?: AccountEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'completed_by' })
  completedBy?: AccountEntity | null;
}
