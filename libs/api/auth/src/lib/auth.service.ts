import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { detail, ApiException, unauthenticated, verifyPassword } from '@vigil/api-core';
import { AccountEntity } from '@vigil/api-database';
import { LOGIN_THROTTLE, type Me } from '@vigil/contracts';
import type { Repository } from 'typeorm';
import { toMe } from './auth-user';
import { LoginThrottleService } from './login-throttle.service';
import { SecurityLog } from './security-log.service';
import { SessionsService, type IssuedTokens } from './sessions.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionsService,
    private readonly securityLog: SecurityLog,
  ) {}

  /** A wrong password, an unknown email and a disabled account all answer the same 401. */
  async login(email: string, password: string, address: string): Promise<IssuedTokens & { user: Me }> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.admit(normalised, address);
    const account = await this.accounts.findOne({ where: { email: normalised }, relations: { agency: true } });
    const valid = await verifyPassword(account?.passwordHash ?? null, password);
    if (!account || !valid || account.disabled || account.agency.disabled) {
      // The admitted attempt stays counted as this failure.
      await this.recordFailure(normalised, address, account?.id ?? null);
      this.logger.warn({ event: 'login.failed' }, 'sign-in refused');
      // Only the right password learns that the account is disabled: a wrong one reads as an unknown account.
      if (account && valid) throw new ApiException('UNAUTHENTICATED', 'The account is disabled', [detail('email', 'account_disabled', 'is a disabled account')]);
      throw unauthenticated('Wrong email or password');
    }
    await this.throttle.forgive(attempt);
    // The right password, but no role yet: a chief prosecutor has not approved one.
    if (account.role === null) {
      throw new ApiException('FORBIDDEN', 'The account has no role until a chief prosecutor approves one', [
        detail('role', 'awaits_approval', 'awaits approval by a chief prosecutor'),
      ]);
    }
    const tokens = await this.sessions.open(account.id);
    this.logger.log({ event: 'login.succeeded', accountId: account.id }, 'signed in');
    return { ...tokens, user: toMe({ ...account, role: account.role }) };
  }

  /**
   * Every refused sign-in goes into the security log (the email as typed, never the password), and
   * so does the failure that locks the account out: the one that reaches the throttle's limit.
   */
  private async recordFailure(email: string, address: string, accountId: string | null): Promise<void> {
    await this.securityLog.record({ type: 'signin.failed', accountId, data: { email: email.slice(0, 320), address } });
    const [{ failures }]: { failures: number }[] = await this.accounts.query(
      `SELECT count(*)::int AS failures FROM login_failures WHERE email = $1 AND at > now() - $2::interval`,
      [email, `${LOGIN_THROTTLE.windowSeconds} seconds`],
    );
    if (failures === LOGIN_THROTTLE.perAccount) {
      await this.securityLog.record({ type: 'signin.locked_out', accountId, data: { email: email.slice(0, 320), failures, windowSeconds: LOGIN_THROTTLE.windowSeconds } });
    }
  }
}
