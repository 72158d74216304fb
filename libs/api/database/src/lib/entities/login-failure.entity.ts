import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, counted per account and per address to throttle guessing. */
@Entity('login_failures')
@Index('login_failures_email_idx', ['email', 'at'])
@Index('login_failures_address_idx', ['address', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  address!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;
}
