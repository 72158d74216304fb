import type { AllegedMethod } from '@vigil/contracts';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** The Istanbul Protocol's non-medical record of an allegation: `oversight` content. */
@Entity('case_intakes')
export class CaseIntakeEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @OneToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column('text', { name: 'allegation_methods', array: true, default: () => "'{}'" })
  allegationMethods!: AllegedMethod[];

  @Column('text', { nullable: true })
  injuries!: string | null;

  @Column('text', { nullable: true })
  witnesses!: string | null;

  @Column('text', { name: 'custody_circumstances', nullable: true })
  custodyCircumstances!: string | null;

  @Column('timestamptz', { name: 'detained_at', nullable: true })
  detainedAt!: Date | null;

  @Column('text', { name: 'source_details', nullable: true })
  sourceDetails!: string | null;

  @Column('boolean', { name: 'reprisal_risk', default: false })
  reprisalRisk!: boolean;

  @Column('text', { name: 'protection_measures', nullable: true })
  protectionMeasures!: string | null;
}
