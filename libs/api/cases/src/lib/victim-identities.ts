import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { identityMatcher, type IdentityMatcher } from './disclosure-guard';

/** Cases whose victim's matcher stays in memory; beyond this, the oldest is dropped. */
const KEPT = 10_000;

/**
 * The victims' identities as matchers for the disclosure guard, for the message path: a case's
 * victim is recorded with the case and never changes, so a busy room reads it once, not per batch.
 */
@Injectable()
export class VictimIdentities {
  private readonly matchers = new Map<string, IdentityMatcher>();

  /** The matchers of these cases (those that exist), read in one query for the ones not yet in memory. */
  async matchersOf(manager: EntityManager, caseIds: string[]): Promise<Map<string, IdentityMatcher>> {
    const wanted = [...new Set(caseIds)];
    const missing = wanted.filter((id) => !this.matchers.has(id));
    if (missing.length) {
      const rows: { id: string; fullName: string; contact: string | null }[] = await manager.query(
        `SELECT id, victim_full_name AS "fullName", victim_contact AS contact FROM cases WHERE id = ANY($1::uuid[])`,
        [missing],
      );
      for (const row of rows) this.keep(row.id, identityMatcher(row));
    }
    return new Map(wanted.flatMap((id) => {
      const matcher = this.matchers.get(id);
      return matcher ? [[id, matcher] as const] : [];
    }));
  }

  private keep(caseId: string, matcher: IdentityMatcher): void {
    if (this.matchers.size >= KEPT) this.matchers.delete(this.matchers.keys().next().value as string);
    this.matchers.set(caseId, matcher);
  }
}
