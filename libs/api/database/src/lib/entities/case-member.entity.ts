import { AccountEntity } from './account.entity';
import { CaseEntity } from './case.entity';
import { JoinColumn, ManyToOne, Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('case_members')
@Index('case_members_account_idx', ['accountId', 'caseId'])
export class CaseMemberEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('timestamptz', { name: 'added_at', default: () => 'now()' })
  addedAt!: Date;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;
}
