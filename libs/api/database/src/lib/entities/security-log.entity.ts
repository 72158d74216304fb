import type { SecurityEventType } from '@vigil/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The security log: grants, approvals, account changes, sign-in failures and lockouts. Append-only
 * (the database refuses UPDATE and DELETE) and hash-chained (`SECURITY_LOG_CHAIN`). Never holds a
 * password or a token.
 */
@Entity('security_log')
export class SecurityLogEntity {
  @PrimaryColumn('bigint')
  seq!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  type!: SecurityEventType;

  /** Who did it; null for Vigil itself (seeding, the command line) and anonymous sign-in attempts. */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** The account it concerns, when it concerns one. */
  @Column('uuid', { name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column('jsonb')
  data!: Record<string, unknown>;

  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;
}

/** The security log's chain (see `appendToChain`). */
export const SECURITY_LOG_CHAIN = { table: 'security_log', columns: ['at', 'type', 'actor_id', 'account_id', 'data'], lockKey: 4242011 } as const;

/** What one entry records; `at` is now. */
export interface SecurityRecord {
  type: SecurityEventType;
  actorId?: string | null;
  accountId?: string | null;
  data?: Record<string, unknown>;
}
