/**
 * Hole 1 of the attack on Vigil, kept closed on the socket side: a socket lives no longer than its
 * session. A session that ends where this instance's code took no part (another instance, the
 * command line, the database itself) is announced by PostgreSQL to every instance, which closes the
 * session's sockets at once; nothing the socket sends afterwards is written.
 */
import { randomUUID } from 'node:crypto';
import { login, withDatabase } from '../support/api';
import { Client, openCase, signInAll, type Person, type Role } from '../support/cases';

let people: Record<Role, Person>;

beforeAll(async () => {
  people = await signInAll();
});

it('closes at once the socket of a session that ended outside this instance, and writes nothing it sends after', async () => {
  const kase = await openCase(people.prosecutor, people.prosecutor, [people.ombudsman]);
  // A session of its own, so that ending it leaves the suite's other sessions alone.
  const signedIn = await login('ombudsman@demo.vigil');
  const ombudsman: Person = { id: signedIn.user.id, token: signedIn.accessToken, displayName: signedIn.user.displayName };
  const client = await Client.connect(ombudsman);
  const other = await Client.connect(people.ombudsman);
  try {
    expect((await client.emit('case:join', { caseId: kase.id })).ok).toBe(true);
    const sessionId = JSON.parse(Buffer.from(ombudsman.token.split('.')[1], 'base64url').toString()).sid as string;
    // As another instance, or an operator, would end it: straight in the database.
    await withDatabase((db) => db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1', [sessionId]));
    await client.waitFor(() => !client.socket.connected, 'the socket of the ended session to close');
    client.socket.emit('message:post', { caseId: kase.id, clientId: randomUUID(), body: 'posted after the session ended', tier: 'oversight' });
    // The account's other session is untouched.
    expect((await other.emit('case:join', { caseId: kase.id })).ok).toBe(true);
    const written = await withDatabase((db) => db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'message.posted'`, [kase.id]));
    expect(written.rows[0].n).toBe(0);
  } finally {
    client.close();
    other.close();
  }
});
