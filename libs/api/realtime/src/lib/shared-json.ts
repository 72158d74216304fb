import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * Values that are sent unchanged to many sockets one at a time, and their JSON once it has been
 * written (null until then). socket.io encodes every ack on its own; a catch-up page that a room's
 * members share would otherwise be walked for binary data and stringified once per member.
 */
const encoded = new WeakMap<object, string | null>();

/**
 * Marks a value that will not change again as sent to many sockets: an ack whose top-level field
 * holds it splices in its JSON, written once.
 */
export function sentUnchanged<T extends object>(value: T): T {
  if (!encoded.has(value)) encoded.set(value, null);
  return value;
}

/**
 * Whether a value is plain data: strings, numbers, booleans, null (and what JSON leaves out, as
 * undefined), and arrays and plain objects of them. Anything else (binary data, which socket.io sends as attachments; dates and other objects
 * with their own JSON) is left to socket.io's encoder.
 */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'bigint';
  if (Array.isArray(value)) return value.every(isPlainData);
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainData);
}

const isMarked = (value: unknown): value is object => value !== null && typeof value === 'object' && encoded.has(value);

/** The JSON of a marked value, written at its first send; undefined for anything else. */
function sharedJson(value: unknown): string | undefined {
  if (!isMarked(value)) return undefined;
  let json = encoded.get(value);
  if (json === null) {
    json = isPlainData(value) ? JSON.stringify(value) : undefined;
    if (json === undefined) encoded.delete(value);
    else encoded.set(value, json);
  }
  return json;
}

/**
 * socket.io's encoder, writing an ack's marked fields from their JSON written once. The text is
 * what socket.io's encoder writes for the same packet, byte for byte (a test holds it to that).
 * socket.io's server builds its encoder without a JSON replacer, so none is applied here either.
 */
export class SharedJsonEncoder extends Encoder {
  override encode(packet: Packet): ReturnType<Encoder['encode']> {
    const reply = packet.type === PacketType.ACK && Array.isArray(packet.data) && packet.data.length === 1 ? packet.data[0] : undefined;
    // Most acks (a post's, say) hold nothing marked: they go straight to socket.io's encoder.
    if (reply === null || typeof reply !== 'object' || Object.getPrototypeOf(reply) !== Object.prototype || !Object.values(reply).some(isMarked)) {
      return super.encode(packet);
    }
    const fields: string[] = [];
    for (const [key, value] of Object.entries(reply as Record<string, unknown>)) {
      // A marked value that is not plain data loses its mark and, like any such field, sends the
      // whole ack through socket.io's encoder.
      const json = sharedJson(value) ?? (isPlainData(value) ? JSON.stringify(value) : null);
      if (json === null) return super.encode(packet);
      // JSON.stringify leaves out fields that have no JSON (undefined, functions).
      if (json !== undefined) fields.push(`${JSON.stringify(key)}:${json}`);
    }
    const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
    return [`${PacketType.ACK}${nsp}${packet.id ?? ''}[{${fields.join(',')}}]`];
  }
}

/** socket.io's parser with the encoder above: the option `parser` of socket.io's server. */
export const sharedJsonParser = { Encoder: SharedJsonEncoder, Decoder };
