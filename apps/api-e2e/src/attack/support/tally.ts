import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '../../support/server';

/*
 * What one attack area tried and what held, kept for the table that `npm run attack` prints and
 * writes to docs/security.md (tools/scripts/attack.mjs reads the files this writes).
 */

/** Full intensity (`ATTACK_RUNS=full`, as `npm run attack` sets it) or the fast part of `npm test`. */
export const FULL = process.env['ATTACK_RUNS'] === 'full';
/** Generated cases per property: thousands in all at full intensity, a handful in `npm test`. */
export const runs = (fast: number, full: number) => (FULL ? full : fast);

/** Where each area's summary lands, one JSON file per area. */
export const TALLY_DIR = join(workspaceRoot, 'tmp', 'attack');

export interface CheckSummary {
  check: string;
  tried: number;
  held: number;
  failed: number;
  /** The first few failures, as the check describes them. */
  examples: unknown[];
}

const EXAMPLES_KEPT = 5;

export class Tally {
  private readonly checks = new Map<string, CheckSummary>();

  /** `area`: the spec file's name without `.e2e-spec.ts`, so that its Jest tests share its rows. */
  constructor(readonly area: string) {}

  /** Counts one attempt of `check`; a failure keeps its description among the first few. */
  record(check: string, held: boolean, failure?: unknown): void {
    const summary = this.checks.get(check) ?? { check, tried: 0, held: 0, failed: 0, examples: [] };
    this.checks.set(check, summary);
    summary.tried++;
    if (held) summary.held++;
    else {
      summary.failed++;
      if (summary.examples.length < EXAMPLES_KEPT) summary.examples.push(failure);
    }
  }

  /** The failures of `check` so far, for a test's assertion. */
  failures(check: string): unknown[] {
    return this.checks.get(check)?.examples ?? [];
  }

  failed(check: string): number {
    return this.checks.get(check)?.failed ?? 0;
  }

  /** Writes the summary (called after all of the area's tests, failing or not). */
  write(): void {
    mkdirSync(TALLY_DIR, { recursive: true });
    const file = join(TALLY_DIR, `${this.area.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ area: this.area, intensity: FULL ? 'full' : 'fast', checks: [...this.checks.values()] }, null, 2));
  }
}

/**
 * Waits for the server to answer on a fresh connection. Between two spec files the test process
 * can be busy compiling for longer than the server keeps an idle connection open; a pooled one it
 * closed meanwhile fails the first request ("other side closed"), which is not the server's doing.
 */
export async function serverAnswering(): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${process.env['VIGIL_E2E_URL']}/api/health`)).ok) return;
    } catch (error) {
      if (tries >= 3) throw error;
    }
  }
}
