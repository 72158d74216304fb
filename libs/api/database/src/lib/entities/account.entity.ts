import { ROLES, type Role } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { oneOfCheck } from './check';
import { UnitEntity } from './unit.entity';

@Entity('accounts')
@Check('accounts_role_check', oneOfCheck('role', ROLES))
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased: sign-in is case-insensitive. */
  @Index('accounts_email_key', { unique: true })
  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  /** The role in effect; null until a chief prosecutor approves the first grant of a role with case access. */
  @Column('text', { nullable: true })
  role!: Role | null;

  @Index('accounts_agency_idx')
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency!: AgencyEntity;

  /** The unit of its agency: officers of a case's implicated unit are kept out of the case. */
  @Index('accounts_unit_idx')
  @Column('uuid', { name: 'unit_id', nullable: true })
  unitId!: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity | null;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @Column('boolean', { name: 'on_duty', default: false })
  onDuty!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
