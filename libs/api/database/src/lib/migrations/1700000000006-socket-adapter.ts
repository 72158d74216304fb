import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the socket.io PostgreSQL adapter parks payloads too large for a NOTIFY. */
export class SocketAdapter1700000000006 implements MigrationInterface {
  name = 'SocketAdapter1700000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "socket_io_attachments" ("id" bigserial PRIMARY KEY, "created_at" timestamptz NOT NULL DEFAULT now(), "payload" bytea)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "socket_io_attachments"`);
  }
}
