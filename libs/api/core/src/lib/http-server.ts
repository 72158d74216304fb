import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

/**
 * A constructor Node's HTTP server can use for its requests or responses: it builds what `base`
 * builds, with `prototype` as the instance's prototype from the start.
 */
function constructing<T extends typeof IncomingMessage | typeof ServerResponse>(base: T, prototype: object): T {
  const Constructed = function (...args: unknown[]) {
    return Reflect.construct(base, args, Constructed);
  };
  Constructed.prototype = prototype;
  return Constructed as unknown as T;
}

/**
 * Nest's Express adapter, with the HTTP server making Express's request and response objects
 * directly. Express otherwise changes each request's and response's prototype to its own when it
 * takes them (`Object.setPrototypeOf`), and in V8 that keeps about a quarter of what a request
 * allocates alive across young collections: it is promoted, and the old generation fills with
 * requests' garbage until a major collection, whose pauses are the tail of the latency. With the
 * prototypes already Express's, its change is a no-op.
 */
export class VigilExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<Express>();
    this.httpServer = createServer(
      { IncomingMessage: constructing(IncomingMessage, app.request), ServerResponse: constructing(ServerResponse, app.response) },
      app,
    );
  }
}
