import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { unauthenticated, VIGIL_CONFIG, type VigilConfig } from '@vigil/api-core';
import { AccountEntity, SessionEntity } from '@vigil/api-database';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Repository } from 'typeorm';
import type { AuthUser } from './auth-user';

/** A session that is live, with its account and agency. */
interface LiveSession {
  expiresAt: Date;
  id: string;
  email: string;
  displayName: string;
  role: AuthUser['role'];
  agencyId: string;
  agencyName: string;
  agencyNameRu: string;
  agencyNameKk: string;
  agencyKind: AuthUser['agency']['kind'];
}

interface AccessClaims {
  sub: string;
  sid: string;
  /** Every token Vigil signs expires; one without `exp` was not made here. */
  exp?: number;
}

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  /** `<sessionId>.<secret>`: the refresh cookie's value. */
  refreshToken: string;
  refreshExpiresAt: Date;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Sessions and their tokens. An access token names its session, and every use checks that
 * the session and its account are still live: logout and disabling take effect at once.
 */
@Injectable()
export class SessionsService {
  /** Emits `revoked` with the session ids that just ended, for live connections to drop. */
  readonly revocations = new EventEmitter();

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    private readonly jwt: JwtService,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  async open(accountId: string): Promise<IssuedTokens> {
    const secret = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
    const session = await this.sessions.save(
      this.sessions.create({ accountId, refreshHash: sha256(secret), expiresAt: refreshExpiresAt, revokedAt: null }),
    );
    return { ...this.accessToken(accountId, session.id), refreshToken: `${session.id}.${secret}`, refreshExpiresAt };
  }

  /** Rotates the refresh token; presenting an already-rotated one ends the session (it leaked). */
  async refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    const [sessionId, secret] = (refreshToken ?? '').split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/i.test(sessionId)) throw unauthenticated('No valid refresh token');
    const session = await this.sessions.findOne({ where: { id: sessionId }, relations: { account: { agency: true } } });
    if (!session || session.revokedAt || session.expiresAt < new Date() || !this.usable(session.account)) {
      throw unauthenticated('No valid refresh token');
    }
    const presented = Buffer.from(sha256(secret));
    if (!timingSafeEqual(presented, Buffer.from(session.refreshHash))) {
      await this.revoke({ id: session.id });
      throw unauthenticated('No valid refresh token');
    }
    const next = randomBytes(32).toString('base64url');
    const rotated = await this.sessions.update({ id: session.id, refreshHash: session.refreshHash }, { refreshHash: sha256(next) });
    if (!rotated.affected) throw unauthenticated('No valid refresh token'); // a concurrent refresh won
    return {
      ...this.accessToken(session.accountId, session.id),
      refreshToken: `${session.id}.${next}`,
      refreshExpiresAt: session.expiresAt,
    };
  }

  /** The caller behind an access token, or `UNAUTHENTICATED`. */
  async authenticate(accessToken: string | undefined): Promise<AuthUser> {
    if (!accessToken) throw unauthenticated('No access token');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken);
    } catch {
      throw unauthenticated('Invalid or expired access token');
    }
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw unauthenticated('Invalid or expired access token');
    return this.live(claims.sub, claims.sid);
  }

  /**
   * The caller as they stand now, for a connection that authenticated earlier: `UNAUTHENTICATED`
   * once the session ended (logout, disabling, or a change of role, agency or unit).
   */
  current(user: Pick<AuthUser, 'id' | 'sessionId'>): Promise<AuthUser> {
    return this.live(user.id, user.sessionId);
  }

  private async live(accountId: string, sessionId: string): Promise<AuthUser> {
    // Every request: one plain statement for exactly what the caller's identity needs (no entity
    // hydration, no password hash read); a revoked session, a disabled account or agency answer nothing.
    const [row]: LiveSession[] = await this.sessions.query(
      `SELECT s.expires_at AS "expiresAt", a.id, a.email, a.display_name AS "displayName", a.role,
              g.id AS "agencyId", g.name AS "agencyName", g.name_ru AS "agencyNameRu", g.name_kk AS "agencyNameKk", g.kind AS "agencyKind"
         FROM sessions s JOIN accounts a ON a.id = s.account_id JOIN agencies g ON g.id = a.agency_id
        WHERE s.id = $1 AND s.account_id = $2 AND s.revoked_at IS NULL AND a.role IS NOT NULL AND NOT a.disabled AND NOT g.disabled`,
      [sessionId, accountId],
    );
    if (!row || row.expiresAt < new Date()) throw unauthenticated('Session ended');
    return {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      agency: { id: row.agencyId, name: row.agencyName, names: { en: row.agencyName, ru: row.agencyNameRu, kk: row.agencyNameKk }, kind: row.agencyKind },
      sessionId,
    };
  }

  /** Ends one session, or every session of an account. */
  async revoke(where: { id: string } | { accountId: string }): Promise<void> {
    const ended: { id: string }[] = await this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('revoked_at IS NULL')
      .andWhere('id' in where ? 'id = :id' : 'account_id = :accountId', where)
      .returning(['id'])
      .execute()
      .then((result) => result.raw);
    if (ended.length > 0) this.revocations.emit('revoked', ended.map((s) => s.id));
  }

  private usable(account: AccountEntity): boolean {
    return account.role !== null && !account.disabled && !account.agency.disabled;
  }

  private accessToken(accountId: string, sessionId: string) {
    const expiresIn = this.config.accessTokenTtlSeconds;
    return { accessToken: this.jwt.sign({ sub: accountId, sid: sessionId } satisfies AccessClaims, { expiresIn }), expiresIn };
  }
}
