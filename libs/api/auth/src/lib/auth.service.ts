import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { unauthenticated, verifyPassword } from '@vigil/api-core';
import { AccountEntity } from '@vigil/api-database';
import type { Me } from '@vigil/contracts';
import type { Repository } from 'typeorm';
import { toMe } from './auth-user';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService, type IssuedTokens } from './sessions.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
  ) {}

  /** A wrong password, an unknown email and a disabled account all answer the same 401. */
  async login(email: string, password: string, address: string): Promise<IssuedTokens & { user: Me }> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.admit(normalised, address);
    const account = await this.accounts.findOne({ where: { email: normalised }, relations: { agency: true } });
    const valid = await verifyPassword(account?.passwordHash ?? null, password);
    if (!account || !valid || account.disabled || account.agency.disabled) {
      // The admitted attempt stays counted as this failure.
      this.logger.warn({ event: 'login.failed' }, 'sign-in refused');
      throw unauthenticated('Wrong email or password');
    }
    await this.throttle.forgive(attempt);
    const tokens = await this.sessions.open(account.id);
    this.logger.log({ event: 'login.succeeded', accountId: account.id }, 'signed in');
    return { ...tokens, user: toMe(account) };
  }
}
