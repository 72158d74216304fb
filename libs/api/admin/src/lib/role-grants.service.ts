import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { detail, conflict, forbidden, notFound } from '@vigil/api-core';
import { SecurityLog, SessionsService, type AuthUser } from '@vigil/api-auth';
import { AccountEntity, AgencyEntity, RoleGrantEntity, agencyRef } from '@vigil/api-database';
import { can, roleFitsAgency, type RoleGrant, type RoleGrantStatus } from '@vigil/contracts';
import type { DataSource } from 'typeorm';

export const toRoleGrant = (grant: RoleGrantEntity & { account: AccountEntity }): RoleGrant => ({
  id: grant.id,
  account: {
    id: grant.account.id,
    email: grant.account.email,
    displayName: grant.account.displayName,
    agency: agencyRef(grant.account.agency),
  },
  role: grant.role,
  previousRole: grant.previousRole,
  status: grant.status,
  source: grant.source,
  proposedBy: grant.proposedBy,
  proposedAt: grant.proposedAt.toISOString(),
  decidedBy: grant.decidedBy,
  decidedAt: grant.decidedAt?.toISOString() ?? null,
});

/**
 * Four eyes on case access: an admin proposes a role, a chief prosecutor who is neither the
 * proposer nor the account approves or rejects it. Approval changes the role and ends the account's sessions.
 */
@Injectable()
export class RoleGrantsService {
  private readonly logger = new Logger('RoleGrants');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly securityLog: SecurityLog,
  ) {}

  async list(status: RoleGrantStatus | undefined): Promise<RoleGrant[]> {
    const grants = await this.db.getRepository(RoleGrantEntity).find({
      where: status ? { status } : {},
      relations: { account: { agency: true } },
      order: { proposedAt: 'DESC' },
      take: 500,
    });
    return grants.map((grant) => toRoleGrant(grant as RoleGrantEntity & { account: AccountEntity }));
  }

  approve(chief: AuthUser, id: string): Promise<RoleGrant> {
    return this.decide(chief, id, 'approved');
  }

  reject(chief: AuthUser, id: string): Promise<RoleGrant> {
    return this.decide(chief, id, 'rejected');
  }

  private async decide(chief: AuthUser, id: string, decision: 'approved' | 'rejected'): Promise<RoleGrant> {
    const grant = await this.db.transaction(async (manager) => {
      const found = await manager.findOne(RoleGrantEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('Role grant');
      if (found.status !== 'pending') throw conflict(`The grant is ${found.status}, no longer pending`, [detail('status', 'grant_decided', `is ${found.status}`, { status: found.status })]);
      if (found.proposedBy === chief.id) throw forbidden('The proposer of a grant cannot decide it', 'own_proposal');
      if (found.accountId === chief.id) throw forbidden('No one decides a grant of their own role', 'own_grant');
      const account = await manager.findOne(AccountEntity, { where: { id: found.accountId }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('Role grant');
      account.agency = await manager.findOneOrFail(AgencyEntity, { where: { id: account.agencyId } });
      if (decision === 'approved') {
        // The account may have moved to an agency where the role does not fit since it was proposed.
        if (!roleFitsAgency(found.role, account.agency.kind)) {
          throw conflict(`${found.role} no longer fits the account's agency`, [detail('role', 'role_agency', `does not fit an agency of kind ${account.agency.kind}`, { role: found.role, kind: account.agency.kind })]);
        }
        await manager.update(AccountEntity, { id: account.id }, { role: found.role, ...(!can(found.role, 'case.receive_reports') && { onDuty: false }) });
      }
      found.status = decision;
      found.decidedBy = chief.id;
      found.decidedAt = new Date();
      await manager.save(found);
      await this.securityLog.record(
        {
          type: decision === 'approved' ? 'role.approved' : 'role.rejected',
          actorId: chief.id,
          accountId: account.id,
          data: { grantId: found.id, email: account.email, role: found.role, previousRole: account.role, proposedBy: found.proposedBy },
        },
        manager,
      );
      return Object.assign(found, { account });
    });
    // The account's identity changed: its tokens and sockets carried the old role.
    if (decision === 'approved') await this.sessions.revoke({ accountId: grant.accountId });
    this.logger.log({ event: `role.${decision}`, grantId: id, accountId: grant.accountId }, `role grant ${decision}`);
    return toRoleGrant(grant);
  }
}
