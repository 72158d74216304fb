import type { Express } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VigilExpressAdapter } from './http-server';

describe('VigilExpressAdapter', () => {
  it("makes each request and response with Express's prototypes already, and Express works on them as ever", async () => {
    const adapter = new VigilExpressAdapter();
    adapter.initHttpServer({});
    const app = adapter.getInstance<Express>();
    app.get('/api/things/:id', (req, res) => {
      res.status(201).json({ id: req.params['id'], path: req.path, query: req.query, secure: req.secure });
    });
    const server = adapter.getHttpServer() as Server;
    // What the server built, before Express has seen it.
    const built: object[] = [];
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => built.push(Object.getPrototypeOf(req), Object.getPrototypeOf(res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/things/7?tier=room`);
      expect(answer.status).toBe(201);
      expect(await answer.json()).toEqual({ id: '7', path: '/api/things/7', query: { tier: 'room' }, secure: false });
    } finally {
      server.close();
    }
    expect(built).toHaveLength(2);
    expect(built[0]).toBe(app.request);
    expect(built[1]).toBe(app.response);
  });
});
