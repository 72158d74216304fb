/**
 * Prints the SQL that would bring a freshly migrated database in line with the entities: the
 * body of the next migration, or nothing when they agree. `npm run db:drift`
 */
import { openDatabase, schemaDrift, startEmbeddedPostgres } from '@vigil/api-database';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-drift-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when started by root
  const database = await startEmbeddedPostgres(dir);
  try {
    const dataSource = await openDatabase(database.url);
    await dataSource.runMigrations();
    for (const query of await schemaDrift(dataSource)) process.stdout.write(`${query};\n`);
    await dataSource.destroy();
  } finally {
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
