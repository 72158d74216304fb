import { AGENCY_KINDS, type AgencyKind } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { oneOfCheck } from './check';

@Entity('agencies')
@Check('agencies_kind_check', oneOfCheck('kind', AGENCY_KINDS))
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: AgencyKind;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
