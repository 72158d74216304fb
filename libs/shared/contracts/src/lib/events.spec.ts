import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECURITY_EVENT_TYPES } from './admin';
import { MEETING_EVENT_TYPES } from './meetings';
import type { CaseEvent } from './cases';
import {
  CASE_EVENT_TYPES,
  isEvent,
  unknownEvent,
  type AnyCaseEvent,
  type CaseEventData,
  type CaseEventRecordedData,
  type NewCaseEvent,
} from './events';

/** The server's sources, where events are appended. */
const API_ROOT = join(__dirname, '../../../../api');

/** Every event type the server's code appends: `type: 'family.name'` in its non-test sources. */
function appendedTypes(): Set<string> {
  const types = new Set<string>();
  const files = readdirSync(API_ROOT, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.includes('/src/') && file.endsWith('.ts') && !file.endsWith('.spec.ts'),
  );
  for (const file of files) {
    for (const [, type] of readFileSync(join(API_ROOT, file), 'utf8').matchAll(/\btype: '([a-z_]+\.[a-z_]+)'/g)) types.add(type);
  }
  // The security log is a log of its own, with its own catalogue; so is a meeting's.
  for (const type of SECURITY_EVENT_TYPES) types.delete(type);
  for (const type of MEETING_EVENT_TYPES) types.delete(type);
  return types;
}

/** One event of each type as it is written: the compiler refuses a missing type, an unknown one or a wrong shape. */
const written = {
  'case.created': { reference: 'SHY-2026-000001', summary: 'Bruises after questioning', source: 'relative', facility: { name: 'Station 4', kind: 'police_station' } },
  'case.status_changed': { from: 'registered', to: 'dismissed', reason: 'No grounds' },
  'member.added': { userId: 'u1', displayName: 'Dana Prosecutor', role: 'prosecutor', agencyKind: 'prosecutor' },
  'member.removed': { userId: 'u1', displayName: 'Dana Prosecutor', role: 'prosecutor', agencyKind: 'prosecutor' },
  'message.posted': { messageId: 'm1', clientId: 'c1', body: 'On my way' },
  'message.edited': { messageId: 'm1', body: 'On my way, ten minutes' },
  'message.redacted': { messageId: 'm1', reason: 'Names a witness' },
  'intake.recorded': { allegationMethods: [], reprisalRisk: false },
  'visit.dispatched': { prosecutorId: 'u1', prosecutorName: 'Dana Prosecutor', dispatchedAt: '2026-03-01T10:00:00.000Z' },
  'visit.arrived': { arrivedAt: '2026-03-01T11:00:00.000Z', onTime: true },
  'visit.findings_recorded': { findings: 'Cell 3 has no window' },
  'visit.deadline_near': { visitDueAt: '2026-03-02T10:00:00.000Z' },
  'visit.deadline_missed': { visitDueAt: '2026-03-02T10:00:00.000Z' },
  'task.created': { taskId: 't1', kind: 'seize_cctv', title: 'Seize the yard camera', assigneeAgencyId: 'a1', assigneeUserId: null, dueAt: '2026-03-02T10:00:00.000Z' },
  'task.updated': { taskId: 't1', status: 'done', result: 'Seized' },
  'evidence.added': { evidenceId: 'e1', title: 'Photo of the cell', mediaType: 'image/jpeg', size: 1024, sha256: 'ab' },
  'evidence.custody_transferred': { evidenceId: 'e1', seq: 2, fromAgency: null, toAgency: { id: 'a1', name: 'Ombudsman', kind: 'ombudsman' }, receivedBy: null, note: null, at: '2026-03-01T12:00:00.000Z' },
  'evidence.superseded': { evidenceId: 'e1', reason: 'A sharper copy' },
  'examination.appointed': { examinationId: 'x1', type: 'forensic_medical', institution: 'City bureau', dueAt: '2026-03-05T10:00:00.000Z' },
  'examination.updated': { examinationId: 'x1', changed: ['institution'], institution: 'Regional bureau' },
  'examination.completed': { examinationId: 'x1', type: 'forensic_medical', conclusion: 'highly_consistent' },
  'examination.cancelled': { examinationId: 'x1' },
  'responsible.added': { responsibleId: 'r1', kind: 'person', name: 'Officer Petrov', rank: null, agencyId: null, position: null },
  'route.opened': { responsibleId: 'r1', routeId: 'o1', route: 'criminal', article: '146', openedAt: '2026-03-01T12:00:00.000Z' },
  'route.decided': { responsibleId: 'r1', routeId: 'o1', route: 'criminal', result: 'Indicted', decidedAt: '2026-04-01T12:00:00.000Z' },
  'measure.adopted': { measureId: 'p1', cause: 'No cameras', act: 'representation', description: 'Install cameras', addressedToAgencyId: null, dueAt: '2026-05-01T12:00:00.000Z' },
  'measure.completed': { measureId: 'p1', completionNote: 'Installed' },
  'remedies.updated': { rightsRestored: true, compensation: null },
  'meeting.decision_recorded': { meetingId: 'm1', meetingReference: 'MTG-2026-00001-AB12', decisionId: 'd1', text: 'Hand over the logs', taskIds: ['t1'] },
} satisfies CaseEventRecordedData;

// What is written reads back in the same shape (messages' bodies may be left out when read).
export const read: CaseEventData = written;

// The append path takes a type only with its own data.
// @ts-expect-error member.removed carries a member, not a message
export const mismatched: NewCaseEvent = { type: 'member.removed', tier: 'room', data: written['message.posted'] };
// @ts-expect-error a type outside the catalogue
export const unknown: NewCaseEvent = { type: 'case.archived', tier: 'room', data: {} };

const actor = { id: 'u1', displayName: 'Dana Prosecutor', role: 'prosecutor', agencyKind: 'prosecutor' } as const;
const removal: AnyCaseEvent = { id: 'e1', caseId: 'c1', seq: 4, prevSeq: 3, type: 'member.removed', tier: 'room', at: '2026-03-01T12:00:00.000Z', actor, data: written['member.removed'] };

describe('the event catalogue', () => {
  it('lists every type once', () => {
    expect(new Set(CASE_EVENT_TYPES).size).toBe(CASE_EVENT_TYPES.length);
    expect([...CASE_EVENT_TYPES].sort()).toEqual(Object.keys(written).sort());
  });

  it('holds every type the server appends, and nothing it does not', () => {
    expect([...appendedTypes()].sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });

  it('narrows an event and its data to one type', () => {
    const events: AnyCaseEvent[] = [removal, { ...removal, seq: 5, type: 'message.redacted', data: written['message.redacted'] }];
    expect(events.filter((event) => isEvent(event, 'member.removed')).map((event) => event.data.userId)).toEqual(['u1']);
    expect(events.filter((event) => isEvent(event, 'message.redacted')).map((event) => event.data.reason)).toEqual(['Names a witness']);
  });

  it('lets a reader fall back on what every event has when the type is one it does not know', () => {
    // A newer server's type: in a switch over `AnyCaseEvent` it reaches `default`, typed `never`.
    const fromNewerServer = { ...removal, type: 'case.archived', data: { archivedBy: 'u1' } } as unknown as never;
    const other = unknownEvent(fromNewerServer);
    expect(`${other.actor.displayName}: ${other.type}`).toBe('Dana Prosecutor: case.archived');
  });

  it('keeps the wire shape of an event', () => {
    const loose: CaseEvent = removal;
    expect(Object.keys(loose).sort()).toEqual(['actor', 'at', 'caseId', 'data', 'id', 'prevSeq', 'seq', 'tier', 'type']);
  });
});
