import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { rateLimited } from '@vigil/api-core';
import { LoginFailureEntity } from '@vigil/api-database';
import { LOGIN_THROTTLE } from '@vigil/contracts';
import type { EntityManager, Repository } from 'typeorm';

/** A sign-in attempt that the throttle let through; it counts as a failure until it succeeds. */
export interface LoginAttempt {
  id: string;
}

/**
 * Advisory lock classes (PostgreSQL's two-key form, apart from every one-key lock): one account's
 * attempts, one address's. Account locks are always taken before address locks, so two sign-ins
 * never wait on each other in a circle.
 */
const ACCOUNT_LOCK = 0x51_67_17_01;
const ADDRESS_LOCK = 0x51_67_17_02;

/**
 * Counts failed sign-ins in PostgreSQL (so that every instance sees them): past the limit for
 * an account or an address, attempts are refused until the oldest failure leaves the window.
 *
 * An attempt is counted as a failure when it is admitted, before its password is checked, and
 * forgiven when it succeeds: counting only after the check let any number of concurrent guesses
 * through, all checked against the same count. Admission counts and records under a lock per
 * account and per address, so exactly the limit is admitted, however many arrive at once.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>) {}

  /** Admits one attempt for `email` from `address`, or throws `RATE_LIMITED` with the seconds to wait. */
  async admit(email: string, address: string): Promise<LoginAttempt> {
    return this.failures.manager.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK, email]);
      await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK, address]);
      // A statement after the locks: it sees every attempt the previous holders committed.
      await this.assertAllowed(db, email, address);
      const [row] = await db.query('INSERT INTO login_failures (email, address) VALUES ($1, $2) RETURNING id', [email, address]);
      return { id: String(row.id) };
    });
  }

  /** The attempt signed in: it was no failure. */
  async forgive(attempt: LoginAttempt): Promise<void> {
    await this.failures.delete({ id: attempt.id });
  }

  private async assertAllowed(db: EntityManager, email: string, address: string): Promise<void> {
    const window = `${LOGIN_THROTTLE.windowSeconds} seconds`;
    const [row] = await db.query(
      `SELECT
         (SELECT count(*) FROM login_failures WHERE email = $1 AND at > now() - $3::interval)::int AS by_account,
         (SELECT min(at) FROM (SELECT at FROM login_failures WHERE email = $1 AND at > now() - $3::interval
                               ORDER BY at DESC LIMIT $4) recent) AS account_oldest,
         (SELECT count(*) FROM login_failures WHERE address = $2 AND at > now() - $3::interval)::int AS by_address,
         (SELECT min(at) FROM (SELECT at FROM login_failures WHERE address = $2 AND at > now() - $3::interval
                               ORDER BY at DESC LIMIT $5) recent) AS address_oldest,
         clock_timestamp() AS now`,
      [email, address, window, LOGIN_THROTTLE.perAccount, LOGIN_THROTTLE.perAddress],
    );
    const blockedUntil: number[] = [];
    if (row.by_account >= LOGIN_THROTTLE.perAccount) blockedUntil.push(new Date(row.account_oldest).getTime());
    if (row.by_address >= LOGIN_THROTTLE.perAddress) blockedUntil.push(new Date(row.address_oldest).getTime());
    if (blockedUntil.length === 0) return;
    const until = Math.max(...blockedUntil) + LOGIN_THROTTLE.windowSeconds * 1000;
    throw rateLimited(Math.max(1, Math.ceil((until - new Date(row.now).getTime()) / 1000)));
  }
}
