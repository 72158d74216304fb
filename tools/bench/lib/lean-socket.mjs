// A lean socket.io client: the engine.io v4 / socket.io v5 framing spoken directly over `ws`,
// WebSocket transport only. The stock socket.io-client costs several times more CPU per frame
// and saturates the load generator's core before the server's; this one leaves the server as
// the limit. Incoming events reach `onEvent` as the raw frame (a Buffer, `42[...]`), so that the
// bench can pick the few fields it needs without parsing the whole JSON.
//
//   server → `0{"sid",...}` open          client → `40{"token":"…"}` connect to `/` with auth
//   server → `40{"sid":"…"}` connected    server → `44{"message":"…"}` connect error
//   `42["event",payload]` event           `42<id>["event",payload]` event that wants an ack
//   `43<id>[answer]` ack                   server `2` ping → client `3` pong
import WebSocket from 'ws';

const CH_0 = 0x30;
const CH_2 = 0x32;
const CH_3 = 0x33;
const CH_4 = 0x34;
const OK_PREFIX = Buffer.from('[{"ok":true');
const OK = Object.freeze({ ok: true });

export class LeanSocket {
  /**
   * @param {string} origin e.g. http://127.0.0.1:3000
   * @param {{ auth?: object, onEvent?: (frame: Buffer, socket: LeanSocket) => void, onClose?: () => void }} options
   */
  constructor(origin, options = {}) {
    this.url = `${origin.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    this.auth = options.auth;
    this.onEvent = options.onEvent ?? (() => undefined);
    this.onClose = options.onClose ?? (() => undefined);
    this.nextAck = 1;
    this.acks = new Map();
    this.connected = false;
    this.ws = null;
  }

  /** Opens the WebSocket and connects to the default namespace; rejects with the server's reason. */
  connect(timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('connect timed out')), timeoutMs);
      const fail = (error) => {
        clearTimeout(timer);
        this.close();
        reject(error);
      };
      const ws = new WebSocket(this.url, { perMessageDeflate: false, skipUTF8Validation: true, maxPayload: 64 * 1024 * 1024 });
      this.ws = ws;
      ws.on('error', (error) => (this.connected ? undefined : fail(error)));
      ws.on('close', () => {
        const wasConnected = this.connected;
        this.connected = false;
        for (const [, callback] of this.acks) callback({ ok: false, error: { code: 'DISCONNECTED', message: 'socket closed' } });
        this.acks.clear();
        if (wasConnected) this.onClose();
        else fail(new Error('closed before connecting'));
      });
      ws.on('message', (data) => {
        const frame = data; // a Buffer: text frames are not decoded unless needed
        const type = frame[0];
        if (type === CH_4) {
          const kind = frame[1];
          if (kind === CH_2) return this.onEvent(frame, this);
          if (kind === CH_3) return this.handleAck(frame);
          if (kind === CH_0) {
            this.connected = true;
            clearTimeout(timer);
            return resolve(this);
          }
          if (kind === 0x34) {
            let message = 'connect_error';
            try {
              message = JSON.parse(frame.toString('utf8', 2)).message ?? message;
            } catch {
              // keep the generic reason
            }
            return fail(new Error(message));
          }
          return undefined;
        }
        if (type === CH_2) return ws.send('3'); // ping → pong
        if (type === CH_0) return ws.send(this.auth ? `40${JSON.stringify(this.auth)}` : '40'); // open → connect
        return undefined;
      });
    });
  }

  /** Emits an event, no ack. */
  emit(event, payload) {
    this.ws.send(`42${JSON.stringify([event, payload])}`);
  }

  /**
   * Emits with an ack; `callback(answer)` gets the first argument of the server's ack. With
   * `parse: false`, an ack that starts `[{"ok":true` is not parsed: the callback gets `OK`.
   */
  emitWithAckCallback(event, payloadJson, callback, { parse = true } = {}) {
    const id = this.nextAck++;
    this.acks.set(id, parse ? callback : Object.assign((answer) => callback(answer), { skipParse: true }));
    this.ws.send(`42${id}["${event}",${payloadJson}]`);
  }

  /** Emits with an ack, as a promise (rejects on timeout). */
  request(event, payload, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${event}: no ack within ${timeoutMs} ms`)), timeoutMs);
      this.emitWithAckCallback(event, JSON.stringify(payload), (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  handleAck(frame) {
    let i = 2;
    let id = 0;
    while (frame[i] >= CH_0 && frame[i] <= 0x39) id = id * 10 + (frame[i++] - CH_0);
    const callback = this.acks.get(id);
    if (!callback) return;
    this.acks.delete(id);
    if (callback.skipParse && frame.indexOf(OK_PREFIX, i) === i) return callback(OK);
    let answer;
    try {
      answer = JSON.parse(frame.toString('utf8', i))[0];
    } catch {
      answer = { ok: false, error: { code: 'BAD_ACK', message: 'unparseable ack' } };
    }
    callback(answer);
  }

  close() {
    this.connected = false;
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) this.ws.terminate();
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(runners);
  return results;
}
