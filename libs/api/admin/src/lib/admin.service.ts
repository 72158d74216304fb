import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { conflict, hashPassword, invalid, notFound } from '@vigil/api-core';
import { SessionsService } from '@vigil/api-auth';
import { AccountEntity, AgencyEntity } from '@vigil/api-database';
import { can, ROLES, roleFitsAgency, rolesThatCan, type Account, type Agency, type AgencyRef, type CaseMember } from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { CreateAccountBody, CreateAgencyBody, UpdateAccountBody, UpdateAgencyBody } from './admin.dto';

const toAgency = (agency: AgencyEntity): Agency => ({
  id: agency.id,
  name: agency.name,
  kind: agency.kind,
  disabled: agency.disabled,
  createdAt: agency.createdAt.toISOString(),
});

const toAccount = (account: AccountEntity): Account => ({
  id: account.id,
  email: account.email,
  displayName: account.displayName,
  role: account.role,
  agency: { id: account.agency.id, name: account.agency.name, kind: account.agency.kind },
  unit: account.unit,
  disabled: account.disabled,
  onDuty: account.onDuty,
  createdAt: account.createdAt.toISOString(),
});

/** Agencies and accounts. Disabling either ends the affected sessions at once. */
@Injectable()
export class AdminService {
  private readonly logger = new Logger('Admin');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async agencies(): Promise<Agency[]> {
    return (await this.db.getRepository(AgencyEntity).find({ order: { name: 'ASC' } })).map(toAgency);
  }

  async createAgency(body: CreateAgencyBody): Promise<Agency> {
    const repository = this.db.getRepository(AgencyEntity);
    return toAgency(await repository.save(repository.create({ name: body.name.trim(), kind: body.kind })));
  }

  async updateAgency(id: string, body: UpdateAgencyBody): Promise<Agency> {
    const agency = await this.db.transaction(async (manager) => {
      const found = await manager.findOne(AgencyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('Agency');
      if (body.name !== undefined) found.name = body.name.trim();
      if (body.disabled !== undefined) found.disabled = body.disabled;
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
    return agencies.map(({ id, name, kind }) => ({ id, name, kind }));
  }

  /** Active accounts that can work on cases (no administrators). */
  async directory(): Promise<CaseMember[]> {
    const accounts = await this.db
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.agency', 'agency')
      .where(`a.disabled = false AND agency.disabled = false AND a.role IN (:...roles)`, { roles: rolesThatCan('case.read', ROLES) })
      .orderBy('a.display_name', 'ASC')
      .getMany();
    return accounts.map((a) => ({ userId: a.id, displayName: a.displayName, role: a.role, agency: { id: a.agency.id, name: a.agency.name, kind: a.agency.kind } }));
  }

  async accounts(): Promise<Account[]> {
    const accounts = await this.db.getRepository(AccountEntity).find({ relations: { agency: true }, order: { email: 'ASC' } });
    return accounts.map(toAccount);
  }

  async createAccount(body: CreateAccountBody): Promise<Account> {
    const passwordHash = await hashPassword(body.password);
    const id = await this.db.transaction(async (manager) => {
      const agency = await this.agency(manager, body.agencyId);
      assertRoleFits(body.role, agency);
      assertOnDutyFits(body.role, body.onDuty);
      const email = body.email.trim().toLowerCase();
      if (await manager.exists(AccountEntity, { where: { email } })) {
        throw conflict('An account with this email exists', [{ field: 'email', message: 'is already in use' }]);
      }
      const account = manager.create(AccountEntity, {
        email,
        displayName: body.displayName.trim(),
        passwordHash,
        role: body.role,
        agencyId: agency.id,
        unit: body.unit?.trim() || null,
        onDuty: body.onDuty ?? false,
      });
      return (await manager.save(account)).id;
    });
    this.logger.log({ event: 'account.created', accountId: id }, 'account created');
    return this.account(id);
  }

  async updateAccount(id: string, body: UpdateAccountBody, actingAdminId: string): Promise<Account> {
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    await this.db.transaction(async (manager) => {
      const account = await manager.findOne(AccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw notFound('Account');
      if (body.disabled && id === actingAdminId) throw conflict('You cannot disable your own account', [{ field: 'disabled', message: 'cannot disable your own account' }]);
      const agency = await this.agency(manager, body.agencyId ?? account.agencyId);
      const role = body.role ?? account.role;
      assertRoleFits(role, agency);
      assertOnDutyFits(role, body.onDuty);
      Object.assign(account, {
        ...(body.displayName !== undefined && { displayName: body.displayName.trim() }),
        ...(body.role !== undefined && { role: body.role }),
        ...(body.disabled !== undefined && { disabled: body.disabled }),
        ...(body.onDuty !== undefined && { onDuty: body.onDuty }),
        ...(body.unit !== undefined && { unit: body.unit?.trim() || null }),
        ...(passwordHash !== undefined && { passwordHash }),
        agencyId: agency.id,
      });
      if (!can(role, 'case.receive_reports')) account.onDuty = false;
      delete (account as Partial<AccountEntity>).agency;
      await manager.save(account);
    });
    // A disabled account, or one whose password changed, keeps no session.
    if (body.disabled || passwordHash !== undefined) await this.sessions.revoke({ accountId: id });
    this.logger.log({ event: 'account.updated', accountId: id }, 'account updated');
    return this.account(id);
  }

  private async account(id: string): Promise<Account> {
    const account = await this.db.getRepository(AccountEntity).findOne({ where: { id }, relations: { agency: true } });
    if (!account) throw notFound('Account');
    return toAccount(account);
  }

  private async agency(manager: EntityManager, id: string): Promise<AgencyEntity> {
    const agency = await manager.findOne(AgencyEntity, { where: { id } });
    if (!agency) throw invalid('agencyId', 'does not name an agency');
    return agency;
  }
}

function assertRoleFits(role: AccountEntity['role'], agency: AgencyEntity): void {
  if (!roleFitsAgency(role, agency.kind)) {
    throw invalid('role', `${role} does not fit an agency of kind ${agency.kind}`);
  }
}

/** Only prosecutors go on duty: those on duty join every new case at once. */
function assertOnDutyFits(role: AccountEntity['role'], onDuty: boolean | undefined): void {
  if (onDuty && !can(role, 'case.receive_reports')) throw invalid('onDuty', 'only a prosecutor can be on duty');
}
