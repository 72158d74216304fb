import { ROLES, type Role } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { oneOfCheck } from './check';

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

  @Column('text')
  role!: Role;

  @Index('accounts_agency_idx')
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency!: AgencyEntity;

  /** The unit within the agency (e.g. a police department's criminal investigation unit). */
  @Column('text', { nullable: true })
  unit!: string | null;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @Column('boolean', { name: 'on_duty', default: false })
  onDuty!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
