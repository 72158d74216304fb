import { signal } from '@angular/core';
import { RoomOutbox } from './case-room-store-outbox';
import { CASE_ID, me, other, posted } from './case-room-store.fixtures';
import { SocketRequestError, type CaseSocket, type ConnectionState } from './case-socket';

describe('RoomOutbox', () => {
  function outbox(post: jest.Mock, state: ConnectionState = 'connected') {
    const socket = { state: signal(state), post } as unknown as CaseSocket;
    const receive = jest.fn();
    return { box: new RoomOutbox(socket, { caseId: () => CASE_ID, receive }), receive };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve));

  it('hands the acknowledged event to the log and forgets the message', async () => {
    const event = posted(7, 6, me);
    const { box, receive } = outbox(jest.fn().mockResolvedValue(event));
    box.send('Invented note', 'room');
    await settled();
    expect(receive).toHaveBeenCalledWith(event);
    expect(box.pending()).toEqual([]);
  });

  it('keeps a refused message with the rule it broke, and sends it again at another tier', async () => {
    const post = jest
      .fn()
      .mockRejectedValueOnce(new SocketRequestError('VALIDATION', 'names the victim', [{ field: 'body', message: 'names the victim', rule: 'victim_identity' }]))
      .mockResolvedValueOnce(posted(8, 7, me));
    const { box } = outbox(post);
    box.send('Invented note', 'room');
    await settled();
    const [refused] = box.pending();
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'VALIDATION', rule: 'victim_identity' } });
    box.retry(refused.clientId, 'oversight');
    await settled();
    expect(post).toHaveBeenLastCalledWith(CASE_ID, { clientId: refused.clientId, body: 'Invented note', tier: 'oversight' });
    expect(box.pending()).toEqual([]);
  });

  it('waits offline, and lets go of a message once the log shows it posted by me', () => {
    const post = jest.fn();
    const { box } = outbox(post, 'offline');
    box.send('Invented note', 'room');
    expect(post).not.toHaveBeenCalled();
    const [waiting] = box.pending();
    box.settle([posted(9, 8, other, waiting.clientId)], me.id);
    expect(box.pending()).toHaveLength(1);
    box.settle([posted(9, 8, me, waiting.clientId)], me.id);
    expect(box.pending()).toEqual([]);
  });
});
