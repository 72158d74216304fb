import { ROLE_GRANT_SOURCES, ROLE_GRANT_STATUSES, ROLES, type Role, type RoleGrantSource, type RoleGrantStatus } from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { oneOfCheck } from './check';

/**
 * A role with case access, proposed for an account: it takes effect only when a chief prosecutor
 * other than the proposer approves it (four eyes). Seeding and the command line record theirs as approved.
 */
@Entity('role_grants')
@Check('role_grants_role_check', oneOfCheck('role', ROLES))
@Check('role_grants_status_check', oneOfCheck('status', ROLE_GRANT_STATUSES))
@Check('role_grants_source_check', oneOfCheck('source', ROLE_GRANT_SOURCES))
// One open proposal per account: a new one supersedes it.
@Index('role_grants_pending_key', ['accountId'], { unique: true, where: `status = 'pending'` })
@Index('role_grants_status_idx', ['status', 'proposedAt'])
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column('text')
  role!: Role;

  /** The role the account held when the grant was proposed. */
  @Column('text', { name: 'previous_role', nullable: true })
  previousRole!: Role | null;

  @Column('text')
  status!: RoleGrantStatus;

  @Column('text')
  source!: RoleGrantSource;

  /** The admin who proposed it; null for seeding and the command line. */
  @Column('uuid', { name: 'proposed_by', nullable: true })
  proposedBy!: string | null;

  @Column('timestamptz', { name: 'proposed_at', default: () => 'now()' })
  proposedAt!: Date;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
