import { CaseEntity } from './case.entity';
import type { Tier } from '@vigil/contracts';
import { JoinColumn, ManyToOne, Column, Entity, PrimaryColumn } from 'typeorm';

/** A message's current state beside the log: edits and redactions are applied from here when events are read. */
@Entity('messages')
export class MessageEntity {
  /** The id of the `message.posted` event. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  tier!: Tier;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'edited_at', nullable: true })
  editedAt!: Date | null;

  @Column('timestamptz', { name: 'redacted_at', nullable: true })
  redactedAt!: Date | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
}
