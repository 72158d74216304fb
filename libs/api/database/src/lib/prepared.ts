import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** A statement's name for PostgreSQL, derived from its text: one text, one name, prepared once per connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `vigil_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement of a transaction as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of on every call. For the statements every post runs (planning was
 * a quarter of a post batch's time in the database); the transaction owns its connection.
 */
export async function queryPrepared<T extends QueryResultRow>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('queryPrepared runs inside a transaction');
  const client = (await runner.connect()) as PoolClient;
  return (await client.query<T>({ name: nameOf(text), text, values })).rows;
}
