import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** The immediate visit: who was sent, when they arrived, what they found. */
@Entity('case_visits')
export class CaseVisitEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @OneToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column('uuid', { name: 'prosecutor_id', nullable: true })
  prosecutorId!: string | null;

  @Column('text', { name: 'prosecutor_name', nullable: true })
  prosecutorName!: string | null;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt!: Date | null;

  @Column('timestamptz', { name: 'arrived_at', nullable: true })
  arrivedAt!: Date | null;

  @Column('text', { nullable: true })
  findings!: string | null;

  @Column('timestamptz', { name: 'findings_at', nullable: true })
  findingsAt!: Date | null;
}
