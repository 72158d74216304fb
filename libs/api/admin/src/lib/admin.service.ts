import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { detail, conflict, hashPassword, invalid, notFound } from '@vigil/api-core';
import { SecurityLog, SessionsService } from '@vigil/api-auth';
import { CasesService } from '@vigil/api-cases';
import { AccountEntity, agencyRef, AgencyEntity, nameColumns, namesOf, RoleGrantEntity, UnitEntity, unitRef } from '@vigil/api-database';
import { can, ROLES, roleFitsAgency, rolesThatCan, ROLES_NEEDING_APPROVAL, type Account, type Agency, type AgencyRef, type DirectoryEntry, type Role } from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateAccountBody, CreateAgencyBody, UpdateAccountBody, UpdateAgencyBody } from './admin.dto';
import { givenNames, requiredNames } from './names';
import { toRoleGrant } from './role-grants.service';

const toAgency = (agency: AgencyEntity): Agency => ({
  id: agency.id,
  name: agency.name,
  names: namesOf(agency),
  kind: agency.kind,
  disabled: agency.disabled,
  createdAt: agency.createdAt.toISOString(),
});

const toAccount = (account: AccountEntity, pending: RoleGrantEntity | undefined): Account => ({
  id: account.id,
  email: account.email,
  displayName: account.displayName,
  role: account.role,
  pendingGrant: pending ? toRoleGrant({ ...pending, account }) : null,
  agency: agencyRef(account.agency),
  unit: account.unit ? unitRef(account.unit) : null,
  disabled: account.disabled,
  onDuty: account.onDuty,
  createdAt: account.createdAt.toISOString(),
});

/** Whether holding `role` needs a chief prosecutor's approval: every role with case access does. */
const needsApproval = (role: Role) => ROLES_NEEDING_APPROVAL.includes(role);

/**
 * Agencies and accounts. An admin proposes roles with case access (a chief prosecutor approves
 * them); any change of an account's role, agency or unit, and disabling, end its sessions at once.
 * Every change goes into the security log, in the transaction that makes it.
 */
@Injectable()
export class AdminService {
  private readonly logger = new Logger('Admin');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
    private readonly securityLog: SecurityLog,
    private readonly cases: CasesService,
  ) {}

  async agencies(): Promise<Agency[]> {
    return (await this.db.getRepository(AgencyEntity).find({ order: { name: 'ASC' } })).map(toAgency);
  }

  async createAgency(body: CreateAgencyBody, adminId: string): Promise<Agency> {
    const agency = await this.db.transaction(async (manager) => {
      const saved = await manager.save(manager.create(AgencyEntity, { ...nameColumns(requiredNames(body)), kind: body.kind }));
      await this.securityLog.record({ type: 'agency.created', actorId: adminId, data: { agencyId: saved.id, name: saved.name, kind: saved.kind } }, manager);
      return saved;
    });
    return toAgency(agency);
  }

  async updateAgency(id: string, body: UpdateAgencyBody, adminId: string): Promise<Agency> {
    const agency = await this.db.transaction(async (manager) => {
      const found = await manager.findOne(AgencyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('Agency');
      const names = givenNames(body);
      if (names) Object.assign(found, nameColumns(names));
      if (body.disabled !== undefined) found.disabled = body.disabled;
      const type = body.disabled === true ? 'agency.disabled' : body.disabled === false ? 'agency.enabled' : 'agency.changed';
      await this.securityLog.record({ type, actorId: adminId, data: { agencyId: id, ...body } }, manager);
      return manager.save(found);
    });
    if (body.disabled) {
      const members = await this.db.getRepository(AccountEntity).find({ where: { agencyId: id }, select: { id: true } });
      await Promise.all(members.map((member) => this.sessions.revoke({ accountId: member.id })));
    }
    this.logger.log({ event: 'agency.updated', agencyId: id }, 'agency updated');
    return toAgency(agency);
  }

  async activeAgencies(): Promise<AgencyRef[]> {
    const agencies = await this.db.getRepository(AgencyEntity).find({ where: { disabled: false }, order: { name: 'ASC' } });
    return agencies.map(agencyRef);
  }

  /** Active accounts that can work on cases (no administrators, none still waiting for a role), with their units. */
  async directory(): Promise<DirectoryEntry[]> {
    const accounts = await this.db
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.agency', 'agency')
      .leftJoinAndSelect('a.unit', 'unit')
      .where(`a.disabled = false AND agency.disabled = false AND a.role IN (:...roles)`, { roles: rolesThatCan('case.read', ROLES) })
      .orderBy('a.display_name', 'ASC')
      .getMany();
    return accounts.map((a) => ({
      userId: a.id,
      displayName: a.displayName,
      role: a.role as Role,
      agency: agencyRef(a.agency),
      unit: a.unit ? unitRef(a.unit) : null,
    }));
  }

  async accounts(): Promise<Account[]> {
    const accounts = await this.db.getRepository(AccountEntity).find({ relations: { agency: true, unit: true }, order: { email: 'ASC' } });
    const pending = await this.db.getRepository(RoleGrantEntity).find({ where: { status: 'pending' } });
    const byAccount = new Map(pending.map((grant) => [grant.accountId, grant]));
    return accounts.map((account) => toAccount(account, byAccount.get(account.id)));
  }

  /** A role with case access is only proposed: the account holds no role until a chief prosecutor approves it. */
  async createAccount(body: CreateAccountBody, adminId: string): Promise<Account> {
    const passwordHash = await hashPassword(body.password);
    const id = await this.db.transaction(async (manager) => {
      const agency = await this.agency(manager, body.agencyId);
      assertRoleFits(body.role, agency);
      assertOnDutyFits(body.role, body.onDuty);
      const unitId = body.unitId === undefined ? null : await this.unitOf(manager, agency.id, body.unitId);
      const email = body.email.trim().toLowerCase();
      if (await manager.exists(AccountEntity, { where: { email } })) {
        throw conflict('An account with this email exists', [detail('email', 'taken', 'is already in use')]);
      }
      const proposed = needsApproval(body.role);
      const account = await manager.save(
        manager.create(AccountEntity, {
          email,
          displayName: body.displayName.trim(),
          passwordHash,
          role: proposed ? null : body.role,
          agencyId: agency.id,
          unitId,
          onDuty: body.onDuty ?? false,
        }),
      );
      await this.securityLog.record(
        { type: 'account.created', actorId: adminId, accountId: account.id, data: { email, agencyId: agency.id, unitId, role: account.role } },
        manager,
      );
      if (proposed) await this.propose(manager, account, body.role, adminId);
      return account.id;
    });
    this.logger.log({ event: 'account.created', accountId: id }, 'account created');
    return this.account(id);
  }

  async updateAccount(id: string, body: UpdateAccountBody, adminId: string): Promise<Account> {
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    const changed = await this.db.transaction(async (manager) => {
      const account = await manager.findOne(AccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('Account');
      if (body.disabled && id === adminId) throw conflict('You cannot disable your own account', [detail('disabled', 'own_account', 'cannot disable your own account')]);
      const agency = await this.agency(manager, body.agencyId ?? account.agencyId);
      const pending = await manager.findOne(RoleGrantEntity, { where: { accountId: id, status: 'pending' }, lock: { mode: 'pessimistic_write' } });
      // The role the account is meant to hold: asked for now, else proposed, else held.
      const intended = body.role ?? pending?.role ?? account.role;
      if (intended !== null) assertRoleFits(intended, agency);
      if (intended !== null) assertOnDutyFits(intended, body.onDuty);
      const agencyChanged = agency.id !== account.agencyId;
      // A unit belongs to one agency: moving to another leaves the account in none unless one is named.
      const unitId =
        body.unitId !== undefined ? (body.unitId === null ? null : await this.unitOf(manager, agency.id, body.unitId)) : agencyChanged ? null : account.unitId;
      const unitChanged = unitId !== account.unitId;

      let roleChanged = false;
      if (body.role !== undefined && body.role !== (pending?.role ?? account.role)) {
        if (pending) await this.supersede(manager, pending, adminId);
        if (needsApproval(body.role)) {
          await this.propose(manager, account, body.role, adminId);
        } else {
          roleChanged = body.role !== account.role;
          account.role = body.role;
        }
      } else if (body.role !== undefined && pending && body.role === account.role) {
        // Asking for the role it holds withdraws the proposal.
        await this.supersede(manager, pending, adminId);
      }

      const before = { displayName: account.displayName, disabled: account.disabled, onDuty: account.onDuty };
      Object.assign(account, {
        ...(body.displayName !== undefined && { displayName: body.displayName.trim() }),
        ...(body.disabled !== undefined && { disabled: body.disabled }),
        ...(body.onDuty !== undefined && { onDuty: body.onDuty }),
        ...(passwordHash !== undefined && { passwordHash }),
        agencyId: agency.id,
        unitId,
      });
      if (intended === null || !can(intended, 'case.receive_reports')) account.onDuty = false;
      delete (account as Partial<AccountEntity>).agency;
      delete (account as Partial<AccountEntity>).unit;
      await manager.save(account);

      const changes = {
        ...(account.displayName !== before.displayName && { displayName: account.displayName }),
        ...(roleChanged && { role: account.role }),
        ...(agencyChanged && { agencyId: agency.id }),
        ...(unitChanged && { unitId }),
        ...(account.disabled !== before.disabled && { disabled: account.disabled }),
        ...(account.onDuty !== before.onDuty && { onDuty: account.onDuty }),
        ...(passwordHash !== undefined && { passwordChanged: true }),
      };
      if (Object.keys(changes).length > 0) {
        const type = changes.disabled === true ? 'account.disabled' : changes.disabled === false ? 'account.enabled' : 'account.changed';
        await this.securityLog.record({ type, actorId: adminId, accountId: id, data: { email: account.email, ...changes } }, manager);
      }
      return { identity: roleChanged || agencyChanged || unitChanged, unitChanged: unitChanged && unitId !== null };
    });
    // An officer moved into a case's implicated unit leaves that case (first, so that their
    // sockets hear `case:removed` before they close).
    if (changed.unitChanged) await this.cases.excludeImplicatedOfficer(id);
    // A disabled account, one whose password changed, and one whose role, agency or unit changed
    // keep no session: its tokens and open sockets carried the old identity.
    if (body.disabled || passwordHash !== undefined || changed.identity) await this.sessions.revoke({ accountId: id });
    this.logger.log({ event: 'account.updated', accountId: id }, 'account updated');
    return this.account(id);
  }

  /** A new pending grant of `role` (the caller has superseded any earlier one). */
  private async propose(manager: EntityManager, account: AccountEntity, role: Role, adminId: string): Promise<void> {
    const grant = await manager.save(
      manager.create(RoleGrantEntity, { accountId: account.id, role, previousRole: account.role, status: 'pending', source: 'admin', proposedBy: adminId }),
    );
    await this.securityLog.record(
      { type: 'role.proposed', actorId: adminId, accountId: account.id, data: { grantId: grant.id, email: account.email, role, previousRole: account.role } },
      manager,
    );
  }

  private async supersede(manager: EntityManager, grant: RoleGrantEntity, adminId: string): Promise<void> {
    await manager.update(RoleGrantEntity, { id: grant.id }, { status: 'superseded', decidedBy: adminId, decidedAt: new Date() });
    await this.securityLog.record({ type: 'role.superseded', actorId: adminId, accountId: grant.accountId, data: { grantId: grant.id, role: grant.role } }, manager);
  }

  private async account(id: string): Promise<Account> {
    const account = await this.db.getRepository(AccountEntity).findOne({ where: { id }, relations: { agency: true, unit: true } });
    if (!account) throw notFound('Account');
    const pending = await this.db.getRepository(RoleGrantEntity).findOne({ where: { accountId: id, status: 'pending' } });
    return toAccount(account, pending ?? undefined);
  }

  private async agency(manager: EntityManager, id: string): Promise<AgencyEntity> {
    const agency = await manager.findOne(AgencyEntity, { where: { id } });
    if (!agency) throw invalid('agencyId', 'unknown_agency', 'does not name an agency');
    return agency;
  }

  private async unitOf(manager: EntityManager, agencyId: string, unitId: string): Promise<string> {
    if (!(await manager.exists(UnitEntity, { where: { id: unitId, agencyId } }))) throw invalid('unitId', 'unknown_unit', 'does not name a unit of the account’s agency');
    return unitId;
  }
}

function assertRoleFits(role: Role, agency: AgencyEntity): void {
  if (!roleFitsAgency(role, agency.kind)) {
    throw invalid('role', 'role_agency', `${role} does not fit an agency of kind ${agency.kind}`, { role, kind: agency.kind });
  }
}

/** Only prosecutors go on duty: those on duty join every new case at once. */
function assertOnDutyFits(role: Role, onDuty: boolean | undefined): void {
  if (onDuty && !can(role, 'case.receive_reports')) throw invalid('onDuty', 'on_duty_prosecutor', 'only a prosecutor can be on duty');
}
