import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CaseEvent } from '@vigil/contracts';
import { CaseSocket, SOCKET_CONNECTOR, SocketRequestError, type CaseActivity, type VigilSocket } from './case-socket';
import { Session } from './session';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive CaseSocket. */
class FakeSocket {
  connected = false;
  active = true;
  options: { auth?: unknown } = {};
  readonly handlers = new Map<string, Handler[]>();
  readonly emitted: { event: string; payload: unknown; ack: (answer: unknown) => void }[] = [];
  readonly connect = jest.fn(() => this);
  readonly disconnect = jest.fn(() => {
    this.connected = false;
    this.active = false;
    return this;
  });

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  off(): this {
    this.handlers.clear();
    return this;
  }

  emit(event: string, payload: unknown, ack: (answer: unknown) => void): this {
    this.emitted.push({ event, payload, ack });
    return this;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) {
      handler(...args);
    }
  }

  /** The token the next handshake would carry. */
  token(): string | undefined {
    let token: string | undefined;
    (this.options.auth as (send: (data: { token: string }) => void) => void)((data) => (token = data.token));
    return token;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('CaseSocket', () => {
  let fake: FakeSocket;
  let token: ReturnType<typeof signal<string | null>>;
  let session: { accessToken: typeof token; signedIn: ReturnType<typeof signal<boolean>>; refresh: jest.Mock; clear: jest.Mock };
  let caseSocket: CaseSocket;
  let connector: jest.Mock;

  beforeEach(() => {
    fake = new FakeSocket();
    token = signal<string | null>('token-1');
    session = { accessToken: token, signedIn: signal(true), refresh: jest.fn(), clear: jest.fn() };
    connector = jest.fn((_url: string, options: { auth?: unknown }) => {
      fake.options = options;
      return fake as unknown as VigilSocket;
    });
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: Session, useValue: session }, { provide: SOCKET_CONNECTOR, useValue: connector }],
    });
    caseSocket = TestBed.inject(CaseSocket);
  });

  function connect(): void {
    caseSocket.connect();
    fake.connected = true;
    fake.fire('connect');
  }

  it('connects once, over websocket, with the access token', () => {
    connect();
    caseSocket.connect();
    expect(connector).toHaveBeenCalledTimes(1);
    expect(connector.mock.calls[0][1]).toMatchObject({ transports: ['websocket'] });
    expect(fake.token()).toBe('token-1');
    expect(caseSocket.state()).toBe('connected');
  });

  it('renews a refused token and reconnects with the new one', async () => {
    caseSocket.connect();
    session.refresh.mockImplementation(async () => {
      token.set('token-2');
      return 'token-2';
    });
    fake.active = false;
    fake.fire('connect_error', new Error('UNAUTHENTICATED'));
    expect(caseSocket.state()).toBe('reconnecting');
    await settle();

    expect(session.refresh).toHaveBeenCalledTimes(1);
    expect(fake.connect).toHaveBeenCalledTimes(1);
    expect(fake.token()).toBe('token-2');
  });

  it('signs out when the token cannot be renewed', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    caseSocket.connect();
    session.refresh.mockRejectedValue(new Error('refresh refused'));
    fake.active = false;
    fake.fire('connect_error', new Error('UNAUTHENTICATED'));
    await settle();

    expect(session.clear).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/sign-in');
    expect(fake.disconnect).toHaveBeenCalled();
    expect(caseSocket.state()).toBe('offline');
  });

  it('shows reconnecting while socket.io retries a dropped transport', () => {
    connect();
    fake.connected = false;
    fake.fire('disconnect', 'transport close');
    expect(caseSocket.state()).toBe('reconnecting');
    fake.connected = true;
    fake.fire('connect');
    expect(caseSocket.state()).toBe('connected');
  });

  it('answers requests from acks, and rejects them with the error of a refusal', async () => {
    connect();
    const joined = caseSocket.join('case-1', 7);
    expect(fake.emitted[0]).toMatchObject({ event: 'case:join', payload: { caseId: 'case-1', afterSeq: 7 } });
    fake.emitted[0].ack({ ok: true, caseId: 'case-1', headSeq: 7, events: [], hasMore: false, online: [] });
    await expect(joined).resolves.toMatchObject({ headSeq: 7 });

    const posted = caseSocket.post('case-1', { clientId: 'c-1', body: 'x', tier: 'prosecution' });
    fake.emitted[1].ack({ ok: false, error: { code: 'FORBIDDEN', message: 'tier not readable' } });
    await expect(posted).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'tier not readable', transient: false });
  });

  it('fails unanswered requests when the connection drops, so they can be sent again', async () => {
    connect();
    const posted = caseSocket.post('case-1', { clientId: 'c-1', body: 'x', tier: 'room' });
    fake.connected = false;
    fake.fire('disconnect', 'transport close');
    const error = await posted.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SocketRequestError);
    expect((error as SocketRequestError).transient).toBe(true);

    // While disconnected nothing is emitted at all.
    await expect(caseSocket.join('case-1', 0)).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(fake.emitted).toHaveLength(1);
  });

  it('passes on what the server pushes', () => {
    const received: CaseEvent[] = [];
    caseSocket.events$.subscribe((event) => received.push(event));
    connect();
    const event = { seq: 1, caseId: 'case-1' } as CaseEvent;
    fake.fire('case:event', event);
    expect(received).toEqual([event]);
  });

  it('makes a joined case’s events its activity, since the server tells only unjoined sockets', () => {
    const heard: CaseActivity[] = [];
    caseSocket.activity$.subscribe((activity) => heard.push(activity));
    connect();
    fake.fire('case:event', { seq: 7, caseId: 'case-1', at: '2026-03-01T12:00:00.000Z' } as CaseEvent);
    fake.fire('case:activity', { caseId: 'case-2', headSeq: 3, updatedAt: '2026-03-01T12:01:00.000Z', newEvents: 2 });
    expect(heard).toEqual([
      { caseId: 'case-1', headSeq: 7, updatedAt: '2026-03-01T12:00:00.000Z', newEvents: 1 },
      { caseId: 'case-2', headSeq: 3, updatedAt: '2026-03-01T12:01:00.000Z', newEvents: 2 },
    ]);
  });

  it('closes the socket when the session ends', async () => {
    connect();
    session.signedIn.set(false);
    TestBed.tick();
    await settle();
    expect(fake.disconnect).toHaveBeenCalled();
    expect(caseSocket.state()).toBe('offline');
  });
});
