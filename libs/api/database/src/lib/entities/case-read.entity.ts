import { AccountEntity } from './account.entity';
import { CaseEntity } from './case.entity';
import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';

/** How far each reader has read a case (members, and chief prosecutors who read without being members). */
@Entity('case_reads')
export class CaseReadEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('int')
  seq!: number;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;
}
