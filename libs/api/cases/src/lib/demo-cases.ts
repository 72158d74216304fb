import { AccountEntity } from '@vigil/api-database';
import type { CaseStatus, Tier } from '@vigil/contracts';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { CreateCaseBody } from './cases.dto';
import { CasesService, type Caller } from './cases.service';

interface DemoCase {
  by: string;
  report: CreateCaseBody;
  members: string[];
  status: CaseStatus[];
  messages: { by: string; tier: Tier; body: string }[];
}

/** A few invented cases in different states, each through the same paths a user's would take. */
const DEMO_CASES: DemoCase[] = [
  {
    by: 'observer@demo.vigil',
    report: {
      summary: 'Detainee says he was beaten during night questioning to make him confess',
      source: 'civil_society',
      facility: { name: 'Police Station No. 2, Abay district', kind: 'police_station' },
      victim: { fullName: 'Marat Zhaksylykov', birthYear: 1994, contact: '+7 700 000 0001' },
    },
    members: ['police@demo.vigil', 'ombudsman@demo.vigil'],
    status: [],
    messages: [
      { by: 'observer@demo.vigil', tier: 'room', body: 'His lawyer saw bruises on both arms at the morning visit.' },
      { by: 'prosecutor@demo.vigil', tier: 'room', body: 'Received. I am leaving for the station now.' },
      { by: 'prosecutor@demo.vigil', tier: 'state', body: 'Police: preserve the duty log and the CCTV of the night shift.' },
      { by: 'prosecutor@demo.vigil', tier: 'prosecution', body: 'Two officers of the night shift are likely involved; do not notify them yet.' },
    ],
  },
  {
    by: 'ombudsman@demo.vigil',
    report: {
      summary: 'Burns on the wrists after prolonged restraint in the temporary detention facility',
      source: 'ombudsman',
      facility: { name: 'Temporary Detention Facility of the City Police', kind: 'temporary_detention' },
      victim: { fullName: 'Yerbol Sarsenbayev', birthYear: 1988 },
    },
    members: ['police@demo.vigil'],
    status: ['visit_dispatched'],
    messages: [{ by: 'ombudsman@demo.vigil', tier: 'oversight', body: 'The family asks that the medical record be examined independently.' }],
  },
  {
    by: 'prosecutor@demo.vigil',
    report: {
      summary: 'Denied medical care for a week after a hunger strike',
      source: 'relative',
      facility: { name: 'Penitentiary Institution No. 3', kind: 'penitentiary' },
      victim: { fullName: 'Aliya Temirkhanova', birthYear: 1979 },
    },
    members: ['observer@demo.vigil', 'ombudsman@demo.vigil'],
    status: ['visit_dispatched', 'site_visited', 'investigating'],
    messages: [{ by: 'prosecutor@demo.vigil', tier: 'room', body: 'Site visited; the medical unit log has been seized.' }],
  },
];

export async function seedDemoCases(cases: CasesService, db: DataSource): Promise<void> {
  const accounts = await db.getRepository(AccountEntity).find({ relations: { agency: true } });
  const caller = (email: string): Caller => {
    const account = accounts.find((a) => a.email === email);
    if (!account?.role) throw new Error(`demo account ${email} is missing or has no role`);
    return { ...account, role: account.role };
  };
  const prosecutor = caller('prosecutor@demo.vigil');
  for (const demo of DEMO_CASES) {
    const kase = await cases.create(caller(demo.by), demo.report);
    for (const email of demo.members) await cases.addMember(prosecutor, kase.id, caller(email).id);
    for (const status of demo.status) await cases.changeStatus(prosecutor, kase.id, status);
    for (const message of demo.messages) {
      await cases.postMessage(caller(message.by), kase.id, { clientId: randomUUID(), body: message.body, tier: message.tier });
    }
  }
}
