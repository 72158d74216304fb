import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { sharedJsonParser } from './shared-json';

/**
 * socket.io over PostgreSQL's LISTEN/NOTIFY: several instances share rooms, so an event
 * committed on one reaches sockets held by another. PostgreSQL stays the source of truth:
 * an instance that missed a broadcast still serves catch-up from the log.
 */
export class PostgresIoAdapter extends IoAdapter {
  private readonly pool: Pool;

  constructor(app: INestApplicationContext, databaseUrl: string) {
    super(app);
    this.pool = new Pool({ connectionString: databaseUrl, max: 4 });
    // A dropped idle connection is replaced by the pool; it must not crash the process.
    this.pool.on('error', () => undefined);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, parser: sharedJsonParser });
    server.adapter(createAdapter(this.pool, { tableName: 'socket_io_attachments' }));
    return server;
  }

  /**
   * The gateway listens to its sockets itself, so Nest has no message handlers to bind; without
   * this it would still build a disconnect observable chain per connection and keep it.
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    if (args[1].length > 0) super.bindMessageHandlers(...args);
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool.end();
  }
}
