import { hashPassword } from '@vigil/api-core';
import { ROLES_NEEDING_APPROVAL, type AgencyKind, type LocalizedNames, type Role } from '@vigil/contracts';
import type { DataSource } from 'typeorm';
import { AccountEntity, AgencyEntity, nameColumns, RoleGrantEntity, UnitEntity, unitNameKey } from './entities';
import { recordSecurity } from './security-log';

/** The demo city of the contract, its names in each UI language. Every name here is invented. */
export const DEMO_AGENCIES: { key: string; name: string; names: LocalizedNames; kind: AgencyKind }[] = [
  {
    key: 'prosecutor',
    name: "Shymkent City Prosecutor's Office",
    names: { en: "Shymkent City Prosecutor's Office", ru: 'Прокуратура города Шымкента', kk: 'Шымкент қаласының прокуратурасы' },
    kind: 'prosecutor',
  },
  {
    key: 'police',
    name: 'Shymkent City Police Department',
    names: { en: 'Shymkent City Police Department', ru: 'Департамент полиции города Шымкента', kk: 'Шымкент қаласының полиция департаменті' },
    kind: 'police',
  },
  {
    key: 'ombudsman',
    name: "Human Rights Commissioner's Representative in Shymkent",
    names: {
      en: "Human Rights Commissioner's Representative in Shymkent",
      ru: 'Представитель Уполномоченного по правам человека в Шымкенте',
      kk: 'Адам құқықтары жөніндегі уәкілдің Шымкенттегі өкілі',
    },
    kind: 'ombudsman',
  },
  {
    key: 'civil_society',
    name: 'Shymkent Public Monitoring Group',
    names: { en: 'Shymkent Public Monitoring Group', ru: 'Общественная мониторинговая группа Шымкента', kk: 'Шымкенттің қоғамдық мониторинг тобы' },
    kind: 'civil_society',
  },
];

/** Units of the demo agencies, by agency key, in each UI language: a report names the one it implicates. */
export const DEMO_UNITS: Record<string, LocalizedNames[]> = {
  police: [
    { en: 'Criminal Investigation Unit', ru: 'Отдел уголовного розыска', kk: 'Қылмыстық іздестіру бөлімі' },
    { en: 'Patrol Unit', ru: 'Патрульный отдел', kk: 'Патрульдік бөлім' },
  ],
};

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; agency: string; onDuty?: boolean }[] = [
  { email: 'prosecutor@demo.vigil', displayName: 'Arman Tasov', role: 'prosecutor', agency: 'prosecutor', onDuty: true },
  { email: 'chief@demo.vigil', displayName: 'Gulnara Ermekova', role: 'chief_prosecutor', agency: 'prosecutor' },
  { email: 'police@demo.vigil', displayName: 'Timur Ospanov', role: 'police', agency: 'police' },
  { email: 'ombudsman@demo.vigil', displayName: 'Aigerim Nurova', role: 'ombudsman', agency: 'ombudsman' },
  { email: 'observer@demo.vigil', displayName: 'Dana Kairatova', role: 'observer', agency: 'civil_society' },
  { email: 'admin@demo.vigil', displayName: 'System Administrator', role: 'admin', agency: 'prosecutor' },
];

/** Seeds the demo city when the database holds no agency yet; returns whether it did. */
export async function seedDemoIfEmpty(dataSource: DataSource, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    // Two instances starting at once must not both seed.
    await manager.query('SELECT pg_advisory_xact_lock(4242001)');
    if ((await manager.count(AgencyEntity)) > 0) return false;
    const agencies = new Map<string, AgencyEntity>();
    for (const { key, names, kind } of DEMO_AGENCIES) {
      agencies.set(key, await manager.save(manager.create(AgencyEntity, { ...nameColumns(names), kind })));
    }
    for (const [key, units] of Object.entries(DEMO_UNITS)) {
      const agencyId = agencies.get(key)?.id as string;
      for (const names of units) await manager.save(manager.create(UnitEntity, { agencyId, ...nameColumns(names), nameKey: unitNameKey(names.en) }));
    }
    for (const account of DEMO_ACCOUNTS) {
      const agency = agencies.get(account.agency);
      if (!agency) throw new Error(`demo account ${account.email} names an unknown agency`);
      const saved = await manager.save(
        manager.create(AccountEntity, {
          email: account.email,
          displayName: account.displayName,
          role: account.role,
          agencyId: agency.id,
          passwordHash,
          onDuty: account.onDuty ?? false,
        }),
      );
      // The seed stands in for the four eyes of the demo's roles, and says so.
      if (ROLES_NEEDING_APPROVAL.includes(account.role)) {
        const grant = await manager.save(
          manager.create(RoleGrantEntity, { accountId: saved.id, role: account.role, previousRole: null, status: 'approved', source: 'seed', decidedAt: new Date() }),
        );
        await recordSecurity(manager, {
          type: 'role.granted',
          accountId: saved.id,
          data: { grantId: grant.id, email: saved.email, role: account.role, previousRole: null, source: 'seed' },
        });
      }
    }
    return true;
  });
}
