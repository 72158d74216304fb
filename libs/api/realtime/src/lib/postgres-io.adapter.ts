import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions, Socket } from 'socket.io';

/**
 * socket.io over PostgreSQL's LISTEN/NOTIFY: several instances share rooms, so an event
 * committed on one reaches sockets held by another. PostgreSQL stays the source of truth:
 * an instance that missed a broadcast still serves catch-up from the log.
 */
export class PostgresIoAdapter extends IoAdapter {
  private readonly pool: Pool;
  private readonly logger = new Logger('Sockets');

  constructor(app: INestApplicationContext, databaseUrl: string) {
    super(app);
    this.pool = new Pool({ connectionString: databaseUrl, max: 4 });
    // A dropped idle connection is replaced by the pool; it must not crash the process.
    this.pool.on('error', () => undefined);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pool, { tableName: 'socket_io_attachments' }));
    return server;
  }

  /**
   * Plain listeners instead of Nest's rxjs pipeline per handler and socket (eight subscriptions
   * held by every idle connection, several operators run per event). Same contract: a handler's
   * non-empty answer is emitted when it names an event, otherwise sent as the ack.
   */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const { event, data: payload } = response as { event?: string; data?: unknown };
            if (event) socket.emit(event, payload);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => this.logger.error({ err: { message: String(error) }, event: message }, 'socket handler failed'),
        });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool.end();
  }
}
