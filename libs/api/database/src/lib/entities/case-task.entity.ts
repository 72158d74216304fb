import { TASK_KINDS, TASK_STATUSES, TIERS, type TaskKind, type TaskStatus, type Tier } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';


/** An urgent investigative action assigned to an agency or a person. */
@Entity('case_tasks')
@Check('case_tasks_kind_check', oneOfCheck('kind', TASK_KINDS))
@Check('case_tasks_status_check', oneOfCheck('status', TASK_STATUSES))
@Check('case_tasks_tier_check', oneOfCheck('tier', TIERS))
@Index('case_tasks_case_idx', ['caseId', 'createdAt'])
@Index('case_tasks_assignee_idx', ['assigneeAgencyId', 'status'])
export class CaseTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column('text')
  kind!: TaskKind;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  details!: string | null;

  @Column('text')
  tier!: Tier;

  @Column('uuid', { name: 'assignee_agency_id' })
  assigneeAgencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_agency_id' })
  assigneeAgency?: AgencyEntity;

  @Column('uuid', { name: 'assignee_account_id', nullable: true })
  assigneeAccountId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_account_id' })
  assigneeAccount?: AccountEntity | null;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text', { default: 'open' })
  status!: TaskStatus;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('text', { name: 'created_by_name' })
  createdByName!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
