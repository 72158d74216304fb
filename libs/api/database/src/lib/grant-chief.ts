import { can, roleFitsAgency, ROLES, rolesThatCan, type Role } from '@vigil/contracts';
import type { DataSource } from 'typeorm';
import { AccountEntity, RoleGrantEntity } from './entities';
import { recordSecurity } from './security-log';

/**
 * The role this command grants: the one that decides grants (the chief prosecutor), since without
 * a first holder nobody could approve any other.
 */
const GRANTED: Role = rolesThatCan('role_grant.decide', ROLES)[0];

/**
 * `--grant-chief <email>`: the first chief prosecutor of an installation, from the command line of
 * whoever runs the server (no one in the application can approve the first one). Recorded in the
 * role grants as approved from the command line, and in the security log.
 */

export async function grantChiefFromCommandLine(dataSource: DataSource, email: string): Promise<{ accountId: string }> {
  return dataSource.transaction(async (manager) => {
    const account = await manager.findOne(AccountEntity, {
      where: { email: email.trim().toLowerCase() },
      relations: { agency: true },
    });
    if (!account) throw new Error(`no account has the email ${email}`);
    if (!roleFitsAgency(GRANTED, account.agency.kind)) throw new Error(`${email} is not in a prosecutor's office`);
    if (account.role === GRANTED) return { accountId: account.id };
    await manager.update(RoleGrantEntity, { accountId: account.id, status: 'pending' }, { status: 'superseded', decidedAt: new Date() });
    const grant = await manager.save(
      manager.create(RoleGrantEntity, {
        accountId: account.id,
        role: GRANTED,
        previousRole: account.role,
        status: 'approved',
        source: 'cli',
        proposedBy: null,
        decidedBy: null,
        decidedAt: new Date(),
      }),
    );
    await manager.update(AccountEntity, { id: account.id }, { role: GRANTED, onDuty: can(GRANTED, 'case.receive_reports') && account.onDuty });
    // Sessions of the account end: its identity changed.
    await manager.query(`UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [account.id]);
    await recordSecurity(manager, {
      type: 'role.granted',
      accountId: account.id,
      data: { grantId: grant.id, email: account.email, role: GRANTED, previousRole: account.role, source: 'cli' },
    });
    return { accountId: account.id };
  });
}
