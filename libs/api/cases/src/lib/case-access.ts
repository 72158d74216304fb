import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { forbidden, isUuid, notFound } from '@vigil/api-core';
import { CaseEntity, queryPrepared } from '@vigil/api-database';
import { can, canRead, clearanceOf, type Action, type AgencyKind, type Principal, type Role, type SystemRole, type Tier } from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AudienceMember } from './case-events.bus';
import type { CaseHead } from './clearance-columns';

/** Whoever acts in a case: a signed-in person, or Vigil itself (`SYSTEM_PRINCIPAL`). */
export interface Viewer {
  id: string;
  role: Principal;
  agency: { id: string };
}

/** Vigil itself, as the author of what it records on its own (deadline alerts): no person, no agency. */
export const SYSTEM_PRINCIPAL: Viewer & { displayName: string; role: SystemRole; agency: { id: string; kind: AgencyKind | SystemRole } } = {
  id: '00000000-0000-0000-0000-000000000000',
  displayName: 'Vigil',
  role: 'system',
  agency: { id: '00000000-0000-0000-0000-000000000000', kind: 'system' },
};

/** A case opened for a viewer, and the clearance they read and write it at. */
export interface OpenedCase {
  kase: CaseEntity;
  clearance: Tier;
}

/** Members of the implicated agency read no more than this, whatever their role. */
export const IMPLICATED_AGENCY_CEILING: Tier = 'state';

/**
 * The clearance a viewer of `roleClearance` reads the cases that implicate their agency at, when
 * that is lower than their role's; `null` when the cap changes nothing for them. Queries over
 * many cases use it to apply the cap per row.
 */
export function cappedClearance(roleClearance: Tier): Tier | null {
  return canRead(IMPLICATED_AGENCY_CEILING, roleClearance) ? null : IMPLICATED_AGENCY_CEILING;
}

/** The clearance a viewer reads a case at: their role's, capped when their agency is the implicated one. */
export function caseClearance(roleClearance: Tier, viewerAgencyId: string, kase: Pick<CaseEntity, 'implicatedAgencyId'>): Tier {
  if (kase.implicatedAgencyId !== viewerAgencyId) return roleClearance;
  return cappedClearance(roleClearance) ?? roleClearance;
}

/** A case's member as the policy needs them. */
export interface MemberGrant {
  accountId: string;
  role: Role;
  agencyId: string;
}

/**
 * A case locked for writing by this transaction: which of the writers are its members and, when
 * asked for, all its members.
 */
export interface LockedRoom {
  kase: CaseHead & Pick<CaseEntity, 'implicatedAgencyId'>;
  writers: Set<string>;
  members: MemberGrant[] | null;
}

/** Members and the clearance each reads the case at (accounts without one read nothing). */
export function audienceOf(members: Iterable<MemberGrant>, kase: Pick<CaseEntity, 'implicatedAgencyId'>): AudienceMember[] {
  return [...members].flatMap((member) => {
    const clearance = clearanceOf(member.role);
    return clearance ? [{ accountId: member.accountId, clearance: caseClearance(clearance, member.agencyId, kase) }] : [];
  });
}

/**
 * The one confidentiality policy of cases, called by REST and sockets alike: who may know a
 * case exists, at which clearance they read it, and at which tiers they may write.
 */
@Injectable()
export class CaseAccess {
  private columns: string | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The viewer's clearance; an account without one (admin) reads no case content. */
  clearance(viewer: Viewer): Tier {
    const clearance = clearanceOf(viewer.role);
    if (clearance === null) throw forbidden('Administrators see no case content', 'no_case_access');
    return clearance;
  }

  /** Supervisors open every case; everyone else the cases they are members of. */
  supervisesAll(viewer: Viewer): boolean {
    return can(viewer.role, 'case.supervise');
  }

  /** Refuses (403) an action the viewer's role may not do at all, wherever it happens. */
  permit(viewer: Viewer, action: Action): void {
    if (!can(viewer.role, action)) throw forbidden(ACTION_REFUSED[action] ?? 'Your role may not do this');
  }

  /**
   * The one question every case path asks: opens the case (a viewer who may not know it exists
   * gets `NOT_FOUND`, before anything else is said), resolves the clearance they read and write it
   * at (the role's, lowered by the implicated-agency cap), and refuses (403) an action their role
   * may not do. Writes then refuse any tier above that clearance (`assertCanWriteAt`).
   */
  async authorize(viewer: Viewer, caseId: unknown, action: Action, manager?: EntityManager, lock = false): Promise<OpenedCase> {
    const opened = await this.open(viewer, caseId, manager, lock);
    this.permit(viewer, action);
    return opened;
  }

  /**
   * The case, if the viewer may know it exists: a case they are not a member of is `NOT_FOUND`,
   * like an unknown or malformed id. With `lock`, the row is locked for the transaction.
   */
  private async open(viewer: Viewer, caseId: unknown, manager?: EntityManager, lock = false): Promise<OpenedCase> {
    const clearance = this.clearance(viewer);
    if (!isUuid(caseId)) throw notFound('Case');
    // One round trip: the case, only if the viewer may know it (member, or a supervisor).
    const supervises = this.supervisesAll(viewer);
    const rows: Partial<CaseEntity>[] = await (manager ?? this.db.manager).query(
      `SELECT ${this.caseColumns()} FROM cases c
        WHERE c.id = $1 ${supervises ? '' : 'AND EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.account_id = $2)'}
        ${lock ? 'FOR UPDATE' : ''}`,
      supervises ? [caseId] : [caseId, viewer.id],
    );
    if (!rows.length) throw notFound('Case');
    const kase = Object.assign(new CaseEntity(), rows[0]);
    return { kase, clearance: caseClearance(clearance, viewer.agency.id, kase) };
  }

  /**
   * Locks several cases for one transaction: in id order, so that writers locking overlapping
   * sets never deadlock. Says which of `writerIds` are members of each, and brings all the
   * members (with the role and agency their clearance depends on) of the cases in `membersOf`
   * only: that is ten or fifty account look-ups per room, needed only when the case's activity is
   * announced, at most once a second. Cases that do not exist are absent from the answer.
   */
  async lockRooms(manager: EntityManager, caseIds: string[], writerIds: string[], membersOf: string[]): Promise<Map<string, LockedRoom>> {
    const rows = await queryPrepared<LockedRoom['kase'] & { writers: string[]; members: MemberGrant[] | null }>(
      manager,
      `SELECT c.id, c.last_seq AS "lastSeq", c.last_seq_room AS "lastSeqRoom", c.last_seq_state AS "lastSeqState",
              c.last_seq_oversight AS "lastSeqOversight", c.last_seq_prosecution AS "lastSeqProsecution",
              c.updated_at_room AS "updatedAtRoom", c.updated_at_state AS "updatedAtState",
              c.updated_at_oversight AS "updatedAtOversight", c.updated_at_prosecution AS "updatedAtProsecution",
              c.head_hash AS "headHash", c.implicated_agency_id AS "implicatedAgencyId",
              ARRAY(SELECT m.account_id FROM case_members m WHERE m.case_id = c.id AND m.account_id = ANY($2::uuid[])) AS writers,
              CASE WHEN c.id = ANY($3::uuid[]) THEN
                coalesce((SELECT json_agg(json_build_object('accountId', m.account_id, 'role', a.role, 'agencyId', a.agency_id))
                            FROM case_members m
                            -- OFFSET 0 keeps this a look-up by key per member: joined, the planner
                            -- scans every account for every case once there are a few hundred.
                            CROSS JOIN LATERAL (SELECT role, agency_id FROM accounts WHERE id = m.account_id OFFSET 0) a
                           WHERE m.case_id = c.id), '[]')
              END AS members
         FROM cases c
        WHERE c.id = ANY($1::uuid[])
        ORDER BY c.id
          FOR UPDATE OF c`,
      [[...caseIds].sort(), [...new Set(writerIds)], membersOf],
    );
    return new Map(rows.map(({ writers, members, ...kase }) => [kase.id, { kase, writers: new Set(writers), members }]));
  }

  /** The clearance a viewer writes to a locked room at: `NOT_FOUND` when they may not know the case. */
  clearanceIn(viewer: Viewer, room: LockedRoom | undefined): Tier {
    const clearance = this.clearance(viewer);
    if (!room || (!this.supervisesAll(viewer) && !room.writers.has(viewer.id))) throw notFound('Case');
    return caseClearance(clearance, viewer.agency.id, room.kase);
  }

  /**
   * Every column of a case row under its entity property's name, from TypeORM's metadata, so that
   * the hottest read skips the query builder and entity hydration (pg already gives dates and numbers).
   */
  private caseColumns(): string {
    this.columns ??= this.db
      .getMetadata(CaseEntity)
      .columns.map((column) => `c.${column.databaseName} AS "${column.propertyName}"`)
      .join(', ');
    return this.columns;
  }

  /** One may write at any tier one can read, and at no other: the implicated-agency cap holds for writes too. */
  assertCanWriteAt(clearance: Tier, tier: Tier): void {
    if (!canRead(clearance, tier)) throw forbidden(`Your clearance in this case does not reach the ${tier} tier`, 'tier_above_clearance', 'tier', { tier });
  }
}

/** What a refusal says, per action, where the generic sentence would not tell the user why. */
const ACTION_REFUSED: Partial<Record<Action, string>> = {
  'case.manage_members': 'Only prosecutors manage members',
  'case.change_status': 'Only prosecutors move a case',
  'case.set_implicated': 'Only prosecutors name the implicated agency and unit',
  'case.verify': 'Only prosecutors and the ombudsman verify the log',
  'case.read_access_log': 'Only the chief prosecutor and the ombudsman read who accessed sensitive data',
  'message.redact_any': 'Only the author or a prosecutor redacts a message',
  'visit.record': 'Only prosecutors record the visit',
  'task.assign': 'Only prosecutors assign urgent actions',
  'evidence.hand_over_any': 'Only the agency holding the item, or a prosecutor, hands it over',
  'evidence.supersede': 'Only prosecutors mark evidence superseded',
  'proceedings.lead': 'Only prosecutors may do this',
  'place.manage': 'Only prosecutors manage the register of places',
  'admin.manage': 'Only administrators manage agencies and accounts',
};
