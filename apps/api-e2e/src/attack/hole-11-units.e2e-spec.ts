import type { Account, Agency, Case, CaseEvent, DirectoryEntry, Intake, Unit } from '@vigil/contracts';
import { dataSourceOptions } from '@vigil/api-database';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createAccount } from '../support/accounts';
import { call, login, withDatabase } from '../support/api';
import { allEvents, Client, report, signInAll, type Person, type Role } from '../support/cases';

/**
 * Hole 11: conflict of interest compared unit names as strings ("Unit 9" excluded an officer of
 * "Unit 9" but not of "Unit  9"), and an officer moved back into the implicated unit stayed in
 * the case. Units are records of their agency now, compared by id, and a move re-checks the cases.
 */
let people: Record<Role, Person>;
let police: Agency;
const clients: Client[] = [];

beforeAll(async () => {
  people = await signInAll();
  const agencies = (await call<Agency[]>('GET', '/api/admin/agencies', { token: people.admin.token })).body;
  police = agencies.find((a) => a.kind === 'police' && !a.disabled) as Agency;
});
afterEach(() => clients.splice(0).forEach((client) => client.close()));

const tag = () => randomUUID().slice(0, 6);
const newUnit = async (name: string, agencyId = police.id) => {
  const unit = await call<Unit>('POST', `/api/admin/agencies/${agencyId}/units`, { token: people.admin.token, body: { name } });
  expect(unit.status).toBe(201);
  return unit.body;
};
const officer = async (unitId: string) => {
  const email = `officer-${tag()}@attack.test`;
  const created = await createAccount(people.admin.token, { email, displayName: 'Invented Officer', password: 'officer-password', role: 'police', agencyId: police.id, unitId });
  expect(created.status).toBe(201);
  return { ...created.body, email };
};
const implicating = (unitId: string) => call<Case>('POST', '/api/cases', { token: people.prosecutor.token, body: report({ intake: { implicated: { agencyId: police.id, unitId } } }) });

describe('hole 11: units are records, compared by id', () => {
  it('one unit per name in an agency, whatever its spacing or letter case', async () => {
    const name = `Unit 9 ${tag()}`;
    const unit = await newUnit(`  ${name.replace(' ', '   ')} `);
    expect(unit.name).toBe(name);
    for (const twin of [name.replace(' ', '  '), ` ${name.toUpperCase()}`, name.replace(' ', '\t')]) {
      const again = await call('POST', `/api/admin/agencies/${police.id}/units`, { token: people.admin.token, body: { name: twin } });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'CONFLICT', details: [{ field: 'name' }] });
    }
    const listed = await call<Unit[]>('GET', `/api/admin/agencies/${police.id}/units`, { token: people.admin.token });
    expect(listed.body.filter((u) => u.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
    expect((await call('POST', `/api/admin/agencies/${police.id}/units`, { token: people.admin.token, body: { name: '   ' } })).body.details).toEqual([
      { field: 'name', message: 'must not be empty', rule: 'not_blank' },
    ]);

    const other = await newUnit(`Unit 10 ${tag()}`);
    const renamed = await call('PATCH', `/api/admin/agencies/${police.id}/units/${other.id}`, { token: people.admin.token, body: { name: name.toLowerCase() } });
    expect(renamed.status).toBe(409);
    const fine = await call<Unit>('PATCH', `/api/admin/agencies/${police.id}/units/${other.id}`, { token: people.admin.token, body: { name: `${other.name}  B` } });
    expect(fine.body.name).toBe(`${other.name} B`);
    // Units are the admin's to manage; case workers only read an agency's units.
    expect((await call('POST', `/api/admin/agencies/${police.id}/units`, { token: people.chief.token, body: { name: 'x' } })).status).toBe(403);
    const read = await call<{ id: string; name: string }[]>('GET', `/api/agencies/${police.id}/units`, { token: people.observer.token });
    expect(read.body).toContainEqual({ id: unit.id, name, names: { en: name, ru: name, kk: name } });
  });

  it('keeps the officer of the implicated unit out, however the unit was once spelled', async () => {
    const unit = await newUnit(`Unit 9 ${tag()}`);
    const implicated = await officer(unit.id);
    const kase = await implicating(unit.id);
    expect(kase.status).toBe(201);
    const intake = await call<Intake>('GET', `/api/cases/${kase.body.id}/intake`, { token: people.prosecutor.token });
    expect(intake.body.implicated.unit).toEqual({ id: unit.id, name: unit.name, names: unit.names });
    const refused = await call('POST', `/api/cases/${kase.body.id}/members`, { token: people.prosecutor.token, body: { userId: implicated.id } });
    expect(refused.status).toBe(409);
  });

  it('takes an officer moved into the implicated unit out of the case, as removing a member does', async () => {
    const unit9 = await newUnit(`Unit 9 ${tag()}`);
    const unit10 = await newUnit(`Unit 10 ${tag()}`);
    const moved = await officer(unit10.id);
    const kase = await implicating(unit9.id);
    expect((await call('POST', `/api/cases/${kase.body.id}/members`, { token: people.prosecutor.token, body: { userId: moved.id } })).status).toBe(201);
    const watcher = await Client.connect(people.prosecutor);
    clients.push(watcher);
    expect((await watcher.emit('case:join', { caseId: kase.body.id })).ok).toBe(true);

    const changed = await call<Account>('PATCH', `/api/admin/accounts/${moved.id}`, { token: people.admin.token, body: { unitId: unit9.id } });
    expect(changed.body.unit).toEqual({ id: unit9.id, name: unit9.name, names: unit9.names });

    const removal = await watcher.waitFor(() => watcher.events(kase.body.id).find((e: CaseEvent) => e.type === 'member.removed'), 'member.removed');
    expect(removal.data).toMatchObject({ userId: moved.id, reason: 'implicated_unit' });
    const members = await call<Case>('GET', `/api/cases/${kase.body.id}`, { token: people.prosecutor.token });
    expect(members.body.members.map((m) => m.userId)).not.toContain(moved.id);
    const again = await login(moved.email, 'officer-password');
    expect((await call('GET', `/api/cases/${kase.body.id}`, { token: again.accessToken })).status).toBe(404);
    expect((await allEvents(people.prosecutor, kase.body.id)).filter((e) => e.type === 'member.removed')).toHaveLength(1);
  });

  it('takes the implicated unit only from the implicated agency, and an account’s unit only from its own', async () => {
    const prosecutors = (await call<Agency[]>('GET', '/api/agencies', { token: people.prosecutor.token })).body.find((a) => a.kind === 'prosecutor') as Agency;
    const foreign = await newUnit(`Records Unit ${tag()}`, prosecutors.id);
    const wrongAgency = await implicating(foreign.id);
    expect(wrongAgency.status).toBe(400);
    expect(wrongAgency.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'intake.implicated.unitId' }] });
    const noAgency = await call('POST', '/api/cases', { token: people.prosecutor.token, body: report({ intake: { implicated: { unitId: foreign.id } } }) });
    expect(noAgency.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'intake.implicated.unitId' }] });

    const account = await call('POST', '/api/admin/accounts', {
      token: people.admin.token,
      body: { email: `misplaced-${tag()}@attack.test`, displayName: 'Invented Misplaced', password: 'officer-password', role: 'police', agencyId: police.id, unitId: foreign.id },
    });
    expect(account.body).toMatchObject({ code: 'VALIDATION', details: [{ field: 'unitId' }] });
  });

  it('shows the units in the directory', async () => {
    const unit = await newUnit(`Patrol Unit ${tag()}`);
    const member = await officer(unit.id);
    const directory = await call<DirectoryEntry[]>('GET', '/api/directory', { token: people.prosecutor.token });
    expect(directory.body.find((entry) => entry.userId === member.id)?.unit).toEqual({ id: unit.id, name: unit.name, names: unit.names });
  });

  it('the migration makes records of the free-text units: trimmed, spaces collapsed, one per agency whatever the case', async () => {
    const name = `units_${tag()}`;
    await withDatabase((db) => db.query(`CREATE DATABASE ${name}`));
    const url = (process.env['VIGIL_E2E_DATABASE_URL'] as string).replace(/\/vigil$/, `/${name}`);
    const options = dataSourceOptions(url);
    const all = options.migrations as (new () => { name: string })[];
    const before = all.findIndex((migration) => new migration().name === 'AccountsAuthority1700000000011');
    const old = await new DataSource({ ...options, migrations: all.slice(0, before) }).initialize();
    try {
      await old.runMigrations();
      const [{ id: agency }] = await old.query(`INSERT INTO agencies (name, kind) VALUES ('Invented Police', 'police') RETURNING id`);
      const [{ id: other }] = await old.query(`INSERT INTO agencies (name, kind) VALUES ('Invented Other Police', 'police') RETURNING id`);
      const spellings: [string, string][] = [
        [agency, 'Unit 9'],
        [agency, 'Unit  9'],
        [agency, ' unit 9 '],
        [agency, 'Unit 10'],
        [other, 'Unit 9'],
        [agency, '   '],
      ];
      for (const [i, [agencyId, unit]] of spellings.entries()) {
        await old.query(`INSERT INTO accounts (email, display_name, password_hash, role, agency_id, unit) VALUES ($1, 'Invented', 'x', 'police', $2, $3)`, [
          `m${i}@migration.test`,
          agencyId,
          unit,
        ]);
      }
      await old.query(
        `INSERT INTO cases (reference, summary, status, source, facility_name, facility_kind, victim_full_name, received_at, visit_due_at, created_by, implicated_agency_id, implicated_unit)
         VALUES ('M-1', 'Invented', 'registered', 'lawyer', 'Invented Station', 'police_station', 'Invented Victim', now(), now(), gen_random_uuid(), $1, 'UNIT 9')`,
        [agency],
      );
    } finally {
      await old.destroy();
    }
    const current = await new DataSource(options).initialize();
    try {
      await current.runMigrations();
      // Each takes its most used spelling: "Unit 9" (twice, once with two spaces) over "unit 9" and "UNIT 9".
      const units: { name: string }[] = await current.query(`SELECT name FROM units ORDER BY name`);
      expect(units.map((u) => u.name)).toEqual(['Unit 10', 'Unit 9', 'Unit 9']);
      const accounts: { email: string; unit: string | null }[] = await current.query(
        `SELECT a.email, u.name || '@' || (u.agency_id = $1) AS unit FROM accounts a LEFT JOIN units u ON u.id = a.unit_id ORDER BY a.email`,
        [(await current.query(`SELECT id FROM agencies WHERE name = 'Invented Police'`))[0].id],
      );
      expect(accounts.map((a) => a.unit)).toEqual(['Unit 9@true', 'Unit 9@true', 'Unit 9@true', 'Unit 10@true', 'Unit 9@false', null]);
      const [kase] = await current.query(`SELECT a.unit_id = c.implicated_unit_id AS same FROM cases c, accounts a WHERE a.email = 'm0@migration.test'`);
      expect(kase.same).toBe(true);
    } finally {
      await current.destroy();
      await withDatabase((db) => db.query(`DROP DATABASE ${name}`));
    }
  });
});
