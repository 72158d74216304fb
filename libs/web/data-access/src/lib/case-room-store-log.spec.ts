import type { AnyCaseEvent, JoinAck } from '@vigil/contracts';
import { RoomLog } from './case-room-store-log';
import { ack, posted } from './case-room-store.fixtures';

describe('RoomLog', () => {
  it('holds each event once, in seq order, and tells of the fresh ones only', () => {
    const fresh = jest.fn();
    const log = new RoomLog(fresh);
    log.begin([posted(2, 1), posted(1, 0)]);
    log.hold([posted(2, 1), posted(3, 2)]);
    expect(log.events().map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(fresh.mock.calls.map(([events]) => events.map((event: AnyCaseEvent) => event.seq))).toEqual([[2, 1], [3]]);
    expect(log.hasEarlier()).toBe(false);
  });

  it('sees a gap when a live event does not follow what is complete, and fills it by joining after it', async () => {
    const log = new RoomLog(() => undefined);
    log.begin([posted(1, 0)]);
    expect(log.receive(posted(2, 1))).toBe('held');
    expect(log.receive(posted(5, 4))).toBe('gap');
    const join = jest.fn().mockResolvedValueOnce(ack([posted(3, 2), posted(4, 3)]));
    expect(await log.catchUp(join, () => false)).toBe(true);
    expect(join).toHaveBeenCalledWith(2);
    expect(log.events().map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    // Complete up to 5 now: the next live event follows.
    expect(log.receive(posted(6, 5))).toBe('held');
  });

  it('runs one catch-up at a time: a second call asks the running one for another round', async () => {
    const log = new RoomLog(() => undefined);
    log.begin([posted(1, 0)]);
    let answer!: (value: JoinAck) => void;
    const join = jest
      .fn()
      .mockImplementationOnce(() => new Promise<JoinAck>((resolve) => (answer = resolve)))
      .mockResolvedValueOnce(ack([]));
    const first = log.catchUp(join, () => false);
    expect(await log.catchUp(join, () => false)).toBe(false);
    answer(ack([posted(2, 1)]));
    expect(await first).toBe(true);
    expect(join.mock.calls).toEqual([[1], [2]]);
  });
});
