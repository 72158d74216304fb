#!/usr/bin/env node
// Seeds a Vigil database (migrated, e.g. by starting the server once) with the reads workload's
// data: N cases and M events with the real hash chain, members from four agency kinds, messages,
// read markers; progress as it goes. `npm run bench` calls the same code; this is for seeding a
// database by hand (to explore query plans, say).
//
//   node tools/bench/seed.mjs --database-url=postgres://… [--cases=100000] [--events=1000000] [--readers-per-kind=250]
//   node tools/bench/seed.mjs --data-dir=.data …   (a running Vigil's embedded PostgreSQL)
//
// Reader accounts are reader<tag>-000001@bench.vigil … with the password in tools/bench/lib/vigil.mjs.
import { seedReads } from './lib/reads.mjs';
import { benchPasswordHash, BENCH_PASSWORD, embeddedDatabaseUrl } from './lib/vigil.mjs';

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback;
const dataDir = option('data-dir');
const databaseUrl = option('database-url') ?? (dataDir ? embeddedDatabaseUrl(dataDir) : undefined);
if (!databaseUrl) {
  process.stderr.write('usage: node tools/bench/seed.mjs --database-url=postgres://… | --data-dir=<Vigil DATA_DIR> [--cases=N] [--events=N] [--readers-per-kind=N]\n');
  process.exit(2);
}
const cases = Number(option('cases', 100_000));
const events = Number(option('events', 1_000_000));
const readersPerKind = Number(option('readers-per-kind', 250));

const seeded = await seedReads(databaseUrl, {
  cases,
  events,
  readersPerKind,
  // A tag per run keeps emails and references unique when seeding the same database again.
  tag: option('tag', Date.now().toString(36).slice(-5)),
  passwordHash: await benchPasswordHash(),
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(
  `done: ${seeded.readers.length} reader accounts (password "${BENCH_PASSWORD}"), e.g. ${seeded.readers[0].email}; ` +
    `${seeded.long.length} long cases, e.g. ${seeded.long[0]?.caseId}\n`,
);
