import type { Case, AnyCaseEvent, CreateCaseRequest } from '@vigil/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { baseUrl, call, login, type Answer } from './api';

export type Role = 'prosecutor' | 'chief' | 'police' | 'ombudsman' | 'observer' | 'admin';

export interface Person {
  id: string;
  token: string;
  displayName: string;
}

/** Signs in every demo account once per suite. */
export async function signInAll(): Promise<Record<Role, Person>> {
  const roles: Role[] = ['prosecutor', 'chief', 'police', 'ombudsman', 'observer', 'admin'];
  const people = await Promise.all(roles.map((role) => login(`${role}@demo.vigil`)));
  return Object.fromEntries(
    roles.map((role, i) => [role, { id: people[i].user.id, token: people[i].accessToken, displayName: people[i].user.displayName }]),
  ) as Record<Role, Person>;
}

let victims = 0;
/** An invented victim name, unique per call, so that tests can look for it anywhere. */
export const inventedVictim = () => `Testvictim Zhanuzakov-${process.pid}-${++victims}`;

export function report(overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest {
  return {
    summary: 'Alleged beating in a holding cell',
    source: 'lawyer',
    facility: { name: 'Police Station No. 5', kind: 'police_station' },
    victim: { fullName: inventedVictim(), birthYear: 1990, contact: '+7 700 000 0099' },
    ...overrides,
  };
}

/** A new case registered by `by`, with `members` added by the prosecutor. */
export async function openCase(by: Person, prosecutor: Person, members: Person[] = [], body = report()): Promise<Case & { victimName: string }> {
  const created = await call<Case>('POST', '/api/cases', { token: by.token, body });
  if (created.status !== 201) throw new Error(`create case: ${created.status} ${JSON.stringify(created.body)}`);
  for (const member of members) {
    const added = await call('POST', `/api/cases/${created.body.id}/members`, { token: prosecutor.token, body: { userId: member.id } });
    if (added.status !== 201 && added.status !== 200) throw new Error(`add member: ${added.status} ${JSON.stringify(added.body)}`);
  }
  return { ...created.body, victimName: body.victim.fullName };
}

export async function post(person: Person, caseId: string, tier: string, body = `message ${randomUUID()}`, clientId = randomUUID()) {
  return call('POST', `/api/cases/${caseId}/messages`, { token: person.token, body: { clientId, body, tier } });
}

export async function allEvents(person: Person, caseId: string): Promise<AnyCaseEvent[]> {
  const events: AnyCaseEvent[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await call('GET', `/api/cases/${caseId}/events?afterSeq=${afterSeq}&limit=500`, { token: person.token });
    if (page.status !== 200) throw new Error(`events: ${page.status} ${JSON.stringify(page.body)}`);
    events.push(...page.body.items);
    if (!page.body.hasMore) return events;
    afterSeq = events[events.length - 1].seq;
  }
}

export interface Upload {
  bytes: Buffer;
  name?: string;
  type?: string;
  /** The multipart field that carries the file (default `file`). */
  field?: string;
}

/** An evidence upload as the web client sends it: multipart, with these text fields. */
export async function upload(person: Person, caseId: string, file: Upload | null, fields: Record<string, string> = {}): Promise<Answer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append(file.field ?? 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name ?? 'upload.bin');
  const response = await fetch(`${baseUrl()}/api/cases/${caseId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${person.token}` },
    body: form,
  });
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : undefined, headers: response.headers };
}

/** A real socket.io client that records everything the server sends it. */
export class Client {
  readonly received: { event: string; payload: any }[] = [];
  readonly socket: Socket;

  private constructor(token: string) {
    this.socket = io(baseUrl(), { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.onAny((event, payload) => this.received.push({ event, payload }));
  }

  static async connect(person: Person | string): Promise<Client> {
    const client = new Client(typeof person === 'string' ? person : person.token);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', reject);
    });
    return client;
  }

  emit<T = any>(event: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload);
  }

  events(caseId?: string): AnyCaseEvent[] {
    return this.received.filter((r) => r.event === 'case:event' && (!caseId || r.payload.caseId === caseId)).map((r) => r.payload);
  }

  of(event: string): any[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload);
  }

  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.received.map((r) => r.event))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Waits a little for anything in flight to arrive, to assert that nothing did. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
