#!/usr/bin/env node
// `npm run attack`: builds the API, runs the attack suite (apps/api-e2e/src/attack) at full
// intensity against a server it starts on loopback, prints a table of what it tried and what
// held, and keeps that table in docs/security.md. Exits non-zero when anything did not hold.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const tallies = join(root, 'tmp', 'attack');
const results = join(tallies, 'jest-results.json');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', ATTACK_RUNS: process.env.ATTACK_RUNS ?? 'full' };
const started = Date.now();

rmSync(tallies, { recursive: true, force: true });
mkdirSync(tallies, { recursive: true });
const build = spawnSync('npx', ['nx', 'build', 'api', '--outputStyle=static'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const jest = spawnSync('npx', ['jest', '-c', 'apps/api-e2e/jest.e2e.config.cts', 'apps/api-e2e/src/attack', '--json', `--outputFile=${results}`], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const seconds = Math.round((Date.now() - started) / 1000);

/** One row per check of each area the specs tallied, and one per spec file for its Jest tests. */
const rows = readdirSync(tallies)
  .filter((file) => file.endsWith('.json') && file !== basename(results))
  .flatMap((file) => {
    const { area, checks } = JSON.parse(readFileSync(join(tallies, file), 'utf8'));
    return checks.map((check) => ({ area, ...check }));
  });
if (existsSync(results)) {
  for (const suite of JSON.parse(readFileSync(results, 'utf8')).testResults) {
    const tests = suite.assertionResults;
    const failed = tests.filter((t) => t.status === 'failed');
    // A suite that fails before its tests (in beforeAll, say) has no test to count: it is one failure.
    const broken = tests.length === 0 && suite.status === 'failed';
    rows.push({
      area: basename(suite.name).replace('.e2e-spec.ts', ''),
      check: 'Jest tests',
      tried: broken ? 1 : tests.length,
      held: tests.filter((t) => t.status === 'passed').length,
      failed: broken ? 1 : failed.length,
      examples: broken ? [suite.message.slice(0, 300)] : failed.map((t) => t.fullName),
    });
  }
}
rows.sort((a, b) => a.area.localeCompare(b.area) || (a.check === 'Jest tests') - (b.check === 'Jest tests') || a.check.localeCompare(b.check));
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
const totals = { tried: total('tried'), held: total('held'), failed: total('failed') };
const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const minutes = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;

// The terminal's table.
const columns = ['area', 'check', 'tried', 'held', 'failed'];
const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
console.log(`\nAttack suite, ${env.ATTACK_RUNS} intensity, ${minutes}:\n`);
console.log(line(columns));
rows.forEach((row) => console.log(line(columns.map((c) => row[c]))));
console.log(line(['total', '', totals.tried, totals.held, totals.failed]));
const failing = rows.filter((row) => row.failed > 0);
for (const row of failing) {
  console.log(`\n${row.area} / ${row.check}: ${row.failed} failed, for example:`);
  row.examples.slice(0, 3).forEach((example) => console.log(`  ${JSON.stringify(example).slice(0, 400)}`));
}

// docs/security.md keeps the latest run.
const cell = (text) => String(text).replace(/\|/g, '\\|');
const markdown = `# Security: the attack suite

\`npm run attack\` builds the API, starts it on loopback with its own throwaway PostgreSQL and
attacks it; it aims at nothing else. It replays every hole the attack on Vigil found (issue 17,
\`apps/api-e2e/src/attack/hole-*.e2e-spec.ts\`) and adds, generated from the OpenAPI document:

- **matrix**: every operation × every role and nobody × the path's id of a case (or record) of the
  caller's own, of others, an unknown UUID and no UUID. Expected answers come from one table
  (\`apps/api-e2e/src/attack/support/policy.ts\`): 401 without a session, 404 alike for cases one
  may not know and unknown ids, 403 for what one's role may not do, never 5xx.
- **fuzz-rest / fuzz-sockets** (fast-check, seed ${process.env.ATTACK_SEED ?? 17}): every JSON body, every GET's query
  string (forged cursors among them) and every socket event of the contract, with valid-ish
  values, wrong types, odd and huge strings, lone surrogates, nulls, deep nesting and extra keys;
  raw bodies that are not JSON or too big; events without acks and events the contract does not
  name. No 5xx or \`INTERNAL\`, no silence, nothing
  written on refusal, the socket and the server still answering.
- **tokens**: unsigned, guessed-key, tampered, expired, other-key, logged-out and disabled-account
  tokens on REST and on the socket handshake.
- **disclosure-scan**: every GET answer and every socket payload, as every role, searched for the
  victim's name below \`oversight\` and for text written at a tier above the reader's.

The same specs run in \`npm test\` with a handful of generated cases each; \`npm run attack\` runs
thousands (\`ATTACK_RUNS=full\`).

## Latest run

${when}, ${env.ATTACK_RUNS} intensity, ${minutes} (build included): **${totals.tried}** tried, **${totals.held}** held,
**${totals.failed}** failed.

| area | check | tried | held | failed |
|---|---|---:|---:|---:|
${rows.map((row) => `| ${cell(row.area)} | ${cell(row.check)} | ${row.tried} | ${row.held} | ${row.failed} |`).join('\n')}
| **total** | | **${totals.tried}** | **${totals.held}** | **${totals.failed}** |
${
  failing.length
    ? `\n## What did not hold (first examples)\n\n${failing
        .map((row) => `### ${row.area}: ${row.check} (${row.failed})\n\n${row.examples.slice(0, 3).map((example) => `- \`${cell(JSON.stringify(example).slice(0, 300)).replace(/`/g, "'")}\``).join('\n')}\n`)
        .join('\n')}`
    : ''
}`;
writeFileSync(join(root, 'docs', 'security.md'), markdown);
console.log(`\n${totals.tried} tried, ${totals.held} held, ${totals.failed} failed; written to docs/security.md`);
process.exit(jest.status ?? 1);
