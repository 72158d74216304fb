import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROLES } from './access';
import { ACTIONS, can, PERMISSIONS, rolesThatCan, SYSTEM_ROLE } from './permissions';

describe('the permission table', () => {
  it('gives the contract’s rights: prosecutors lead, the chief supervises, the ombudsman verifies, admins see no case', () => {
    expect(rolesThatCan('case.manage_members', ROLES)).toEqual(['prosecutor', 'chief_prosecutor']);
    expect(rolesThatCan('case.supervise', ROLES)).toEqual(['chief_prosecutor']);
    expect(rolesThatCan('case.verify', ROLES)).toEqual(['prosecutor', 'chief_prosecutor', 'ombudsman']);
    expect(rolesThatCan('case.read', ROLES)).toEqual(['prosecutor', 'chief_prosecutor', 'police', 'ombudsman', 'observer']);
    expect(rolesThatCan('case.receive_reports', ROLES)).toEqual(['prosecutor']);
    expect(rolesThatCan('admin.manage', ROLES)).toEqual(['admin']);
    expect(PERMISSIONS.admin.filter((action) => action.startsWith('case.'))).toEqual([]);
  });

  it('lets only the holder, or a prosecutor, hand evidence over', () => {
    expect(rolesThatCan('evidence.hand_over_any', ROLES)).toEqual(['prosecutor', 'chief_prosecutor']);
    expect(can('observer', 'evidence.hand_over')).toBe(true);
    expect(can('observer', 'evidence.hand_over_any')).toBe(false);
  });

  it('makes Vigil itself a principal that supervises and keeps conflicts out, but leads nothing', () => {
    expect(can(SYSTEM_ROLE, 'case.supervise')).toBe(true);
    expect(can(SYSTEM_ROLE, 'case.manage_members')).toBe(true);
    expect(can(SYSTEM_ROLE, 'case.change_status')).toBe(false);
    expect(can(SYSTEM_ROLE, 'proceedings.lead')).toBe(false);
  });

  it('names only actions it knows', () => {
    for (const actions of Object.values(PERMISSIONS)) for (const action of actions) expect(ACTIONS).toContain(action);
  });
});

/**
 * The table is the only place that says which role may do what. Elsewhere a role may be
 * displayed, stored or validated, but never compared with a role's name to decide a right.
 */
describe('no role lists outside the permission table', () => {
  const root = resolve(__dirname, '../../../../..');
  const role = `'(?:${ROLES.join('|')})'`;
  const decisions = [
    new RegExp(`role\\w*\\s*[!=]==?\\s*${role}`, 'i'),
    new RegExp(`${role}\\s*[!=]==?\\s*\\w*role`, 'i'),
    new RegExp(`\\[\\s*${role}\\s*,\\s*${role}`),
    new RegExp(`@Roles\\(`),
    new RegExp(`role:\\s*${role}\\s*,\\s*onDuty`),
  ];
  /** Where naming roles is the point: the table and the role definitions, demo data, tests, translations, migrations. */
  const exempt = [/\.spec\.ts$/, /e2e/, /\/i18n\//, /\/migrations\//, /demo-/, /contracts\/src\/lib\/(access|permissions)\.ts$/];

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      if (name === 'node_modules' || name.startsWith('.')) return [];
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.(ts|mjs)$/.test(name) ? [path] : [];
    });
  }

  it('finds no role compared by name in the libs and apps', () => {
    const found = ['libs', 'apps']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((path) => !exempt.some((pattern) => pattern.test(path)))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .flatMap((line, index) => (decisions.some((pattern) => pattern.test(line)) ? [`${relative(root, path)}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
