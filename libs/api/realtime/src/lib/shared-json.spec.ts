import { Encoder, PacketType, type Packet } from 'socket.io-parser';
import { sentUnchanged, SharedJsonEncoder } from './shared-json';

const ack = (reply: unknown, nsp = '/', id = 7): Packet => ({ type: PacketType.ACK, nsp, id, data: [reply] });

const page = () => [
  { seq: 12, type: 'message.posted', at: '2026-11-28T10:00:00.000Z', data: { body: 'Visit at "14:00"\n', tier: 'room' }, edited: true },
  { seq: 13, type: 'member.added', at: '2026-11-28T10:01:00.000Z', data: { userId: 'a', note: null, list: [1, 2.5, -0] } },
];

describe('SharedJsonEncoder', () => {
  const shared = new SharedJsonEncoder();
  const plain = new Encoder();

  it("writes what socket.io's encoder writes, byte for byte", () => {
    const packets = [
      ack({ ok: true, caseId: 'c1', headSeq: 13, events: sentUnchanged(page()), hasMore: false, online: ['u1', 'u2'] }),
      ack({ ok: true, events: sentUnchanged(page()), skipped: undefined, gone: () => 1, nan: NaN }, '/cases', 0),
      ack({ ok: true, events: sentUnchanged([]) }),
      ack({ ok: false, error: { code: 'VALIDATION', message: 'x' } }),
      { type: PacketType.EVENT, nsp: '/', data: ['message', sentUnchanged(page())] },
    ];
    for (const packet of packets) expect(shared.encode(packet)).toEqual(plain.encode(packet));
  });

  it('writes a marked value once, however many acks carry it', () => {
    const events = sentUnchanged([{ seq: 1 }]);
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const first = shared.encode(ack({ ok: true, events }, '/', 1));
      const second = shared.encode(ack({ ok: true, events }, '/', 2));
      expect(stringify.mock.calls.filter(([value]) => value === events)).toHaveLength(1);
      expect(first).toEqual(['31[{"ok":true,"events":[{"seq":1}]}]']);
      expect(second).toEqual(['32[{"ok":true,"events":[{"seq":1}]}]']);
    } finally {
      stringify.mockRestore();
    }
  });

  it('hands an ack holding nothing marked straight to socket.io, without a walk of its own', () => {
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const packet = ack({ ok: true, event: page()[0] });
      const encoded = shared.encode(packet);
      expect(stringify).toHaveBeenCalledTimes(1); // socket.io's own, of the whole packet's data
      expect(encoded).toEqual(plain.encode(packet));
    } finally {
      stringify.mockRestore();
    }
  });

  it("leaves binary data and objects with their own JSON to socket.io's encoder", () => {
    const binary = ack({ ok: true, events: sentUnchanged([{ file: Buffer.from('pdf') }]) });
    const encodedBinary = shared.encode(binary);
    expect(encodedBinary).toHaveLength(2); // the packet and its attachment
    expect(encodedBinary).toEqual(plain.encode(binary));

    const dated = ack({ ok: true, at: new Date('2026-11-28T10:00:00Z'), events: sentUnchanged(page()) });
    expect(shared.encode(dated)).toEqual(plain.encode(dated));
    const attachedBeside = ack({ ok: true, file: Buffer.from('x'), events: sentUnchanged(page()) });
    expect(shared.encode(attachedBeside)).toEqual(plain.encode(attachedBeside));
  });
});
