import { signal } from '@angular/core';
import { Subject } from 'rxjs';
import { READ_DEBOUNCE_MS, RoomPresence, TYPING_TTL_MS } from './case-room-store-presence';
import { CASE_ID, me, other } from './case-room-store.fixtures';
import type { CaseSocket, ConnectionState } from './case-socket';

describe('RoomPresence', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function presence() {
    const socket = {
      state: signal<ConnectionState>('connected'),
      presence$: new Subject<{ caseId: string; online: string[] }>(),
      reads$: new Subject<{ caseId: string; userId: string; seq: number }>(),
      typing$: new Subject<{ caseId: string; userId: string; displayName: string; typing: boolean }>(),
      typing: jest.fn(),
      read: jest.fn(),
    };
    const room = new RoomPresence(socket as unknown as CaseSocket, () => me.id);
    const subscription = room.follow(CASE_ID);
    return { socket, room, subscription };
  }

  it("follows who is online and how far others read, in this case only, never moving a marker back", () => {
    const { socket, room } = presence();
    socket.presence$.next({ caseId: CASE_ID, online: [other.id] });
    socket.presence$.next({ caseId: 'another-case', online: [] });
    socket.reads$.next({ caseId: CASE_ID, userId: other.id, seq: 5 });
    socket.reads$.next({ caseId: CASE_ID, userId: other.id, seq: 3 });
    expect([...room.online()]).toEqual([other.id]);
    expect(room.readMarkers().get(other.id)).toBe(5);
  });

  it("shows others typing until they stop or go quiet, never oneself", () => {
    const { socket, room } = presence();
    socket.typing$.next({ caseId: CASE_ID, userId: other.id, displayName: other.displayName, typing: true });
    socket.typing$.next({ caseId: CASE_ID, userId: me.id, displayName: me.displayName, typing: true });
    expect(room.typists()).toEqual([{ userId: other.id, displayName: other.displayName }]);
    jest.advanceTimersByTime(TYPING_TTL_MS);
    expect(room.typists()).toEqual([]);
  });

  it('tells the others how far it read, once per pause, and stops its own typing on leaving', () => {
    const { socket, room, subscription } = presence();
    room.markRead(3);
    room.markRead(4);
    expect(socket.read).not.toHaveBeenCalled();
    jest.advanceTimersByTime(READ_DEBOUNCE_MS);
    expect(socket.read.mock.calls).toEqual([[CASE_ID, 4]]);
    room.noteTyping('state');
    room.leave();
    expect(socket.typing.mock.calls).toEqual([
      [CASE_ID, true, 'state'],
      [CASE_ID, false, 'state'],
    ]);
    subscription.unsubscribe();
    room.close();
  });
});
