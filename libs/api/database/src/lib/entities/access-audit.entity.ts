import { ACCESS_KINDS, type AccessKind, type AgencyKind, type Role } from '@vigil/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';

/**
 * One sensitive read of a case: who read what, and when. Each case's entries form a hash chain
 * (`hash` covers the entry and `prev_hash`); append-only: database triggers refuse UPDATE, DELETE
 * and TRUNCATE. It holds no victim data, only which record was read.
 */
@Entity('access_audit')
@Check('access_audit_kind_check', oneOfCheck('kind', ACCESS_KINDS))
export class AccessAuditEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  /** 1, 2, 3… per case, in the order of the chain. */
  @PrimaryColumn('integer')
  seq!: number;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @Column('timestamptz')
  at!: Date;

  @Column('text')
  kind!: AccessKind;

  /** The record read (case, examination, evidence item); `null` for a supervisory read. */
  @Column('uuid', { name: 'record_id', nullable: true })
  recordId!: string | null;

  @Column('uuid', { name: 'reader_id' })
  readerId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reader_id' })
  reader?: AccountEntity;

  /** The reader as they were when reading: the record does not change when an account does. */
  @Column('text', { name: 'reader_name' })
  readerName!: string;

  @Column('text', { name: 'reader_role' })
  readerRole!: Role;

  @Column('uuid', { name: 'reader_agency_id' })
  readerAgencyId!: string;

  @Column('text', { name: 'reader_agency_kind' })
  readerAgencyKind!: AgencyKind;

  /** The previous entry's hash ('' for the first). */
  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;
}
