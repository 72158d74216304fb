import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { detail, Clock, conflict, forbidden, invalid, isUuid, notFound } from '@vigil/api-core';
import { assertNoDisclosure, CaseAccess, cappedClearance, CasesService, implicatedOfficer, memberData, recordStatus, victimOf, type Caller, type CaseChange } from '@vigil/api-cases';
import { AccountEntity, AgencyEntity, CaseEntity, CaseMemberEntity, CaseTaskEntity, CaseVisitEntity, agencyRef } from '@vigil/api-database';
import {
  can,
  canRead,
  canTransition,
  clearanceOf,
  tiersReadAt,
  STATUSES_WITH_REASON,
  VISIT_DISPATCH_TIER,
  VISIT_FINDINGS_TIER,
  type CaseStatus,
  type MyWork,
  type Task,
  type Tier,
  type Visit,
} from '@vigil/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { ArrivalBody, ChangeStatusBody, CreateTaskBody, UpdateTaskBody } from './workflow.dto';

/** Statuses entered only by recording the visit itself. */
const VISIT_STATUSES: readonly CaseStatus[] = ['visit_dispatched', 'site_visited'];
const CLOSED_TASK = ['done', 'cancelled'];

/**
 * The prosecutor's instruction as steps: status, the immediate visit and urgent actions. Each
 * step writes its table and appends its event in one transaction through `CasesService.change`.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
    private readonly clock: Clock,
  ) {}

  async changeStatus(caller: Caller, caseId: string, body: ChangeStatusBody): Promise<{ status: CaseStatus }> {
    await this.access.authorize(caller, caseId, 'case.change_status');
    if (STATUSES_WITH_REASON.includes(body.to) && !body.reason) throw invalid('reason', 'reason_required', `is required to move a case to ${body.to}`, { to: body.to });
    return this.cases.change(caller, caseId, 'case.change_status', async (context) => {
      const from = context.kase.status;
      if (VISIT_STATUSES.includes(body.to)) {
        throw conflict(`A case becomes ${body.to} by recording the visit`, [detail('to', 'status_via_visit', 'use the visit endpoints', { to: body.to })]);
      }
      if (!canTransition(from, body.to)) {
        throw conflict(`A case cannot move from ${from} to ${body.to}`, [detail('to', 'status_transition', `not allowed from ${from}`, { from, to: body.to })]);
      }
      await recordStatus(context, body.to, body.reason);
      return { status: body.to };
    });
  }

  async visit(caller: Caller, caseId: string): Promise<Visit> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const visit = await this.db.getRepository(CaseVisitEntity).findOne({ where: { caseId: kase.id } });
    return this.toVisit(kase, visit, clearance);
  }

  /** Sends a prosecutor to the place; they become a member if they were not. */
  async dispatch(caller: Caller, caseId: string, prosecutorId: string): Promise<Visit> {
    await this.access.authorize(caller, caseId, 'visit.record');
    const prosecutor = await this.account(prosecutorId);
    if (!prosecutor || prosecutor.role === null || !can(prosecutor.role, 'visit.record') || prosecutor.disabled) throw invalid('prosecutorId', 'active_prosecutor', 'must name an active prosecutor');
    return this.cases.change(caller, caseId, 'visit.record', async (context) => {
      const { manager, kase, append } = context;
      if (!['registered', 'visit_dispatched'].includes(kase.status)) {
        throw conflict(`A visit cannot be dispatched to a case that is ${kase.status}`, [detail('status', 'case_status', kase.status, { status: kase.status })]);
      }
      const dispatchedAt = this.clock.now();
      await manager.upsert(
        CaseVisitEntity,
        { caseId: kase.id, prosecutorId: prosecutor.id, prosecutorName: prosecutor.displayName, dispatchedAt },
        ['caseId'],
      );
      await this.ensureMember(context, prosecutor, 'prosecutorId');
      await append({
        type: 'visit.dispatched',
        tier: VISIT_DISPATCH_TIER,
        data: { prosecutorId: prosecutor.id, prosecutorName: prosecutor.displayName, dispatchedAt: dispatchedAt.toISOString() },
      });
      if (kase.status === 'registered') await recordStatus(context, 'visit_dispatched');
      return this.toVisit(kase, await manager.findOneBy(CaseVisitEntity, { caseId: kase.id }), context.clearance);
    });
  }

  /** Arrival on site stops the visit clock. */
  async arrive(caller: Caller, caseId: string, body: ArrivalBody): Promise<Visit> {
    await this.access.authorize(caller, caseId, 'visit.record');
    const now = this.clock.now();
    const arrivedAt = body.arrivedAt ? new Date(body.arrivedAt) : now;
    if (arrivedAt.getTime() > now.getTime() + 5 * 60_000) throw invalid('arrivedAt', 'not_future', 'cannot be in the future');
    return this.cases.change(caller, caseId, 'visit.record', async (context) => {
      const { manager, kase, append } = context;
      if (!['registered', 'visit_dispatched'].includes(kase.status)) {
        throw conflict(`The visit of a case that is ${kase.status} is recorded already`, [detail('status', 'case_status', kase.status, { status: kase.status })]);
      }
      if (arrivedAt < kase.receivedAt) throw invalid('arrivedAt', 'not_before', 'cannot be before the report was received', { other: 'receivedAt' });
      await manager.upsert(CaseVisitEntity, { caseId: kase.id, arrivedAt }, ['caseId']);
      await manager.update(CaseEntity, { id: kase.id }, { visitedAt: arrivedAt });
      kase.visitedAt = arrivedAt;
      await append({
        type: 'visit.arrived',
        tier: 'state',
        data: { arrivedAt: arrivedAt.toISOString(), onTime: arrivedAt.getTime() <= kase.visitDueAt.getTime() },
      });
      await recordStatus(context, 'site_visited');
      return this.toVisit(kase, await manager.findOneBy(CaseVisitEntity, { caseId: kase.id }), context.clearance);
    });
  }

  /** The on-site findings: `oversight` content. */
  async recordFindings(caller: Caller, caseId: string, findings: string): Promise<Visit> {
    await this.access.authorize(caller, caseId, 'visit.record');
    // Findings are `oversight` content: `change` refuses them to a writer capped below it.
    return this.cases.change(caller, caseId, 'visit.record', async ({ manager, kase, append, clearance }) => {
      if (kase.visitedAt === null) throw conflict('Findings follow the arrival on site', [detail('findings', 'arrival_first', 'record the arrival first')]);
      const findingsAt = this.clock.now();
      await manager.update(CaseVisitEntity, { caseId: kase.id }, { findings, findingsAt });
      await append({ type: 'visit.findings_recorded', tier: VISIT_FINDINGS_TIER, data: { findings } });
      return this.toVisit(kase, await manager.findOneBy(CaseVisitEntity, { caseId: kase.id }), clearance);
    });
  }

  async tasks(caller: Caller, caseId: string): Promise<Task[]> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    const rows = await this.taskQuery()
      .where('t.case_id = :caseId AND t.tier IN (:...tiers)', { caseId: kase.id, tiers: tiersReadAt(clearance) })
      .orderBy('t.created_at', 'ASC')
      .getMany();
    return rows.map((row) => this.toTask(row, kase.reference));
  }

  async createTask(caller: Caller, caseId: string, body: CreateTaskBody): Promise<Task> {
    const { clearance } = await this.access.authorize(caller, caseId, 'task.assign');
    const tier = body.tier ?? 'state';
    this.access.assertCanWriteAt(clearance, tier);
    const agency = await this.db.getRepository(AgencyEntity).findOneBy({ id: body.assigneeAgencyId });
    if (!agency || agency.disabled) throw invalid('assigneeAgencyId', 'inactive_agency', 'must name an active agency');
    const assignee = body.assigneeUserId ? await this.account(body.assigneeUserId) : null;
    if (body.assigneeUserId) {
      if (!assignee || assignee.disabled || assignee.agencyId !== agency.id) throw invalid('assigneeUserId', 'agency_account', 'must name an active account of the assignee agency');
      if (assignee.role === null || !canRead(clearanceOf(assignee.role), tier)) throw invalid('tier', 'assignee_clearance', 'the assignee cannot read this tier');
    }
    return this.cases.change(caller, caseId, 'task.assign', async (context) => {
      const { manager, kase, append } = context;
      assertNoDisclosure(victimOf(kase), tier, { title: body.title, details: body.details });
      if (assignee) await this.ensureMember(context, assignee, 'assigneeUserId');
      const task = await manager.save(
        manager.create(CaseTaskEntity, {
          caseId: kase.id,
          kind: body.kind,
          title: body.title.trim(),
          details: body.details?.trim() || null,
          tier,
          assigneeAgencyId: agency.id,
          assigneeAccountId: assignee?.id ?? null,
          dueAt: new Date(body.dueAt),
          status: 'open',
          result: null,
          createdBy: caller.id,
          createdByName: caller.displayName,
        }),
      );
      await append({
        type: 'task.created',
        tier,
        data: { taskId: task.id, kind: task.kind, title: task.title, assigneeAgencyId: agency.id, assigneeUserId: assignee?.id ?? null, dueAt: task.dueAt.toISOString() },
      });
      return this.toTask(await this.taskQuery(manager).where('t.id = :id', { id: task.id }).getOneOrFail(), kase.reference);
    });
  }

  /** Prosecutors change anything; the assignee (person, or their agency) reports status and result. */
  async updateTask(caller: Caller, caseId: string, taskId: string, body: UpdateTaskBody): Promise<Task> {
    await this.access.authorize(caller, caseId, 'case.read');
    return this.cases.change(caller, caseId, 'case.read', async ({ manager, kase, clearance, append }) => {
      const task = isUuid(taskId) ? await manager.findOne(CaseTaskEntity, { where: { id: taskId, caseId: kase.id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!task || !canRead(clearance, task.tier)) throw notFound('Task');
      const assignee = task.assigneeAccountId ? task.assigneeAccountId === caller.id : task.assigneeAgencyId === caller.agency.id;
      const assigns = can(caller.role, 'task.assign');
      if (!assigns && !assignee) throw forbidden('Only the assignee or a prosecutor updates the task', 'assignee_only');
      if (!assigns && body.dueAt !== undefined) throw forbidden('Only a prosecutor moves the due date', 'prosecutor_only', 'dueAt');
      if (CLOSED_TASK.includes(task.status)) throw conflict(`The task is ${task.status}`, [detail('status', 'closed', task.status, { status: task.status })]);
      if (body.status === 'cancelled' && !assigns) throw forbidden('Only a prosecutor cancels a task', 'prosecutor_only', 'status');
      const result = body.result?.trim() ?? task.result;
      if (body.status === 'done' && !result) throw invalid('result', 'result_required', 'is required to complete the task');
      assertNoDisclosure(victimOf(kase), task.tier, { result: body.result }, false);
      Object.assign(task, {
        ...(body.status !== undefined && { status: body.status }),
        ...(body.result !== undefined && { result }),
        ...(body.dueAt !== undefined && { dueAt: new Date(body.dueAt) }),
      });
      await manager.save(task);
      await append({
        type: 'task.updated',
        tier: task.tier,
        data: { taskId: task.id, status: task.status, ...(body.result !== undefined && { result }), ...(body.dueAt !== undefined && { dueAt: task.dueAt.toISOString() }) },
      });
      return this.toTask(await this.taskQuery(manager).where('t.id = :id', { id: task.id }).getOneOrFail(), kase.reference);
    });
  }

  /** My open tasks (mine, or my agency's unassigned), and the visits I must make or supervise. */
  async myWork(caller: Caller): Promise<MyWork> {
    this.access.permit(caller, 'work.read');
    const supervises = this.access.supervisesAll(caller);
    const visible = supervises ? 'TRUE' : 'EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.account_id = :me)';
    // In a case that implicates the caller's agency, no task above the capped clearance.
    const capped = cappedClearance(this.access.clearance(caller));
    const readable = capped ? `t.tier IN (:...tiers) AND (c.implicated_agency_id IS DISTINCT FROM :agency OR t.tier IN (:...cappedTiers))` : 't.tier IN (:...tiers)';
    const tasks = await this.taskQuery()
      .innerJoin(CaseEntity, 'c', 'c.id = t.case_id')
      .addSelect('c.reference')
      .where(`t.status IN ('open', 'in_progress') AND ${readable} AND ${visible}`, {
        me: caller.id,
        agency: caller.agency.id,
        tiers: tiersReadAt(this.access.clearance(caller)),
        cappedTiers: capped ? tiersReadAt(capped) : [],
      })
      .andWhere('(t.assignee_account_id = :me OR (t.assignee_account_id IS NULL AND t.assignee_agency_id = :agency))', { me: caller.id, agency: caller.agency.id })
      .orderBy('t.due_at', 'ASC')
      .getRawAndEntities();
    const references = new Map(tasks.raw.map((row: { t_id: string; c_reference: string }) => [row.t_id, row.c_reference]));
    const now = this.clock.now();
    const visits = can(caller.role, 'visit.record')
      ? await this.db
          .getRepository(CaseEntity)
          .createQueryBuilder('c')
          .leftJoin(CaseVisitEntity, 'v', 'v.case_id = c.id')
          .where(`c.visited_at IS NULL AND c.status IN ('registered', 'visit_dispatched') AND ${visible}`, { me: caller.id })
          .andWhere(supervises ? 'TRUE' : '(v.prosecutor_id = :me OR v.prosecutor_id IS NULL)', { me: caller.id })
          .orderBy('c.visit_due_at', 'ASC')
          .limit(200)
          .getMany()
      : [];
    // The cases of the tasks, beside those of the visits (loaded already): one read for the page.
    const visitCases = new Map(visits.map((kase) => [kase.id, kase]));
    const taskCaseIds = [...new Set(tasks.entities.map((task) => task.caseId))].filter((id) => !visitCases.has(id));
    const taskCases = taskCaseIds.length
      ? await this.db.getRepository(CaseEntity).find({ where: { id: In(taskCaseIds) }, select: { id: true, reference: true, summary: true, status: true } })
      : [];
    return {
      now: now.toISOString(),
      cases: [...visits, ...taskCases].map((kase) => ({ id: kase.id, reference: kase.reference, summary: kase.summary, status: kase.status })),
      tasks: tasks.entities.map((task) => this.toTask(task, references.get(task.id) ?? '')),
      visits: visits.map((kase) => ({
        caseId: kase.id,
        reference: kase.reference,
        summary: kase.summary,
        status: kase.status,
        visitDueAt: kase.visitDueAt.toISOString(),
        overdue: kase.visitDueAt.getTime() < now.getTime(),
      })),
    };
  }

  private taskQuery(manager: EntityManager = this.db.manager) {
    return manager
      .getRepository(CaseTaskEntity)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.assigneeAgency', 'agency')
      .leftJoinAndSelect('t.assigneeAccount', 'account');
  }

  private toTask(task: CaseTaskEntity, caseReference: string): Task {
    const agency = task.assigneeAgency as AgencyEntity;
    return {
      id: task.id,
      caseId: task.caseId,
      caseReference,
      kind: task.kind,
      title: task.title,
      details: task.details,
      tier: task.tier,
      assignee: {
        agency: agencyRef(agency),
        user: task.assigneeAccount ? { userId: task.assigneeAccount.id, displayName: task.assigneeAccount.displayName } : null,
      },
      dueAt: task.dueAt.toISOString(),
      overdue: !CLOSED_TASK.includes(task.status) && task.dueAt.getTime() < this.clock.now().getTime(),
      status: task.status,
      result: task.result,
      createdBy: { userId: task.createdBy, displayName: task.createdByName },
      createdAt: task.createdAt.toISOString(),
      updatedAt: task.updatedAt.toISOString(),
    };
  }

  /**
   * The visit as `clearance` reads it: each field at the tier of the event that records it (the
   * dispatch is `state`, the findings `oversight`); the arrival is the case record's `visitedAt`.
   */
  private toVisit(kase: CaseEntity, visit: CaseVisitEntity | null, clearance: Tier): Visit {
    return {
      dueAt: kase.visitDueAt.toISOString(),
      overdue: kase.visitedAt === null && ['registered', 'visit_dispatched'].includes(kase.status) && kase.visitDueAt < this.clock.now(),
      ...(canRead(clearance, VISIT_DISPATCH_TIER)
        ? {
            dispatchedAt: visit?.dispatchedAt?.toISOString() ?? null,
            prosecutor: visit?.prosecutorId ? { userId: visit.prosecutorId, displayName: visit.prosecutorName ?? '' } : null,
          }
        : {}),
      arrivedAt: kase.visitedAt?.toISOString() ?? null,
      ...(canRead(clearance, VISIT_FINDINGS_TIER) ? { findings: visit?.findings ?? null, findingsAt: visit?.findingsAt?.toISOString() ?? null } : {}),
    };
  }

  private account(id: string): Promise<AccountEntity | null> {
    return isUuid(id) ? this.db.getRepository(AccountEntity).findOne({ where: { id }, relations: { agency: true } }) : Promise.resolve(null);
  }

  /** Someone given work in a case joins it, unless the conflict-of-interest rule keeps them out. */
  private async ensureMember({ manager, kase, append }: CaseChange, account: AccountEntity, field: string): Promise<void> {
    if (implicatedOfficer(kase, account)) {
      throw conflict('An officer of the implicated unit cannot work on the case', [detail(field, 'implicated_unit', 'is an officer of the implicated unit')]);
    }
    if (await manager.exists(CaseMemberEntity, { where: { caseId: kase.id, accountId: account.id } })) return;
    await manager.insert(CaseMemberEntity, { caseId: kase.id, accountId: account.id });
    await append({ type: 'member.added', tier: 'room', data: memberData(account) });
  }
}
