import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { rateLimited } from '@vigil/api-core';
import { LoginFailureEntity } from '@vigil/api-database';
import { LOGIN_THROTTLE } from '@vigil/contracts';
import type { Repository } from 'typeorm';

/**
 * Counts failed sign-ins in PostgreSQL (so that every instance sees them): past the limit for
 * an account or an address, attempts are refused until the oldest failure leaves the window.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const window = `${LOGIN_THROTTLE.windowSeconds} seconds`;
    const [row] = await this.failures.query(
      `SELECT
         (SELECT count(*) FROM login_failures WHERE email = $1 AND at > now() - $3::interval)::int AS by_account,
         (SELECT min(at) FROM (SELECT at FROM login_failures WHERE email = $1 AND at > now() - $3::interval
                               ORDER BY at DESC LIMIT $4) recent) AS account_oldest,
         (SELECT count(*) FROM login_failures WHERE address = $2 AND at > now() - $3::interval)::int AS by_address,
         (SELECT min(at) FROM (SELECT at FROM login_failures WHERE address = $2 AND at > now() - $3::interval
                               ORDER BY at DESC LIMIT $5) recent) AS address_oldest,
         now() AS now`,
      [email, address, window, LOGIN_THROTTLE.perAccount, LOGIN_THROTTLE.perAddress],
    );
    const blockedUntil: number[] = [];
    if (row.by_account >= LOGIN_THROTTLE.perAccount) blockedUntil.push(new Date(row.account_oldest).getTime());
    if (row.by_address >= LOGIN_THROTTLE.perAddress) blockedUntil.push(new Date(row.address_oldest).getTime());
    if (blockedUntil.length === 0) return;
    const until = Math.max(...blockedUntil) + LOGIN_THROTTLE.windowSeconds * 1000;
    throw rateLimited(Math.max(1, Math.ceil((until - new Date(row.now).getTime()) / 1000)));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.failures.insert({ email, address });
  }
}
