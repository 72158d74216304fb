import { RESPONSIBLE_KINDS, type ResponsibleKind } from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { AgencyEntity } from './agency.entity';
import { CaseEntity } from './case.entity';
import { ResponsibilityRouteEntity } from './responsibility-route.entity';
import { oneOfCheck } from './check';

/** A perpetrator or one responsible (a person or a unit) identified in a case: `oversight` data. */
@Entity('responsible_parties')
@Index('responsible_parties_case_idx', ['caseId', 'addedAt'])
@Check('responsible_parties_kind_check', oneOfCheck('kind', RESPONSIBLE_KINDS))
export class ResponsiblePartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  kind!: ResponsibleKind;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  rank!: string | null;

  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Column('text', { nullable: true })
  position!: string | null;

  @Column('uuid', { name: 'added_by' })
  addedById!: string;

  @Column('timestamptz', { name: 'added_at', default: () => 'now()' })
  addedAt!: Date;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'added_by' })
  addedBy?: AccountEntity;

  @OneToMany(() => ResponsibilityRouteEntity, (route) => route.responsible)
  routes?: ResponsibilityRouteEntity[];
}
