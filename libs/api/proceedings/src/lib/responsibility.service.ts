import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@vigil/api-auth';
import { CaseAccess, CasesService } from '@vigil/api-cases';
import { conflict, detail, invalid, notFound } from '@vigil/api-core';
import { AgencyEntity, ResponsibilityRouteEntity, ResponsiblePartyEntity } from '@vigil/api-database';
import {
  canRead,
  RESPONSIBILITY_TIER,
  type Responsible,
  type ResponsibilityRoute,
  type ResponsibleAddedData,
  type RouteDecidedData,
  type RouteOpenedData,
} from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { blankToNull } from './dto-helpers';
import type { AddResponsibleBody, DecideRouteBody, OpenRouteBody } from './responsibility.dto';
import { RESPONSIBLE_RELATIONS, toResponsible, toRoute } from './views';

/**
 * Perpetrators and those responsible, and the route of each one's responsibility. `oversight`
 * data: the names of suspected officers never reach the police nor observers.
 */
@Injectable()
export class ResponsibilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
  ) {}

  add(caller: AuthUser, caseId: string, body: AddResponsibleBody): Promise<Responsible> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, append }) => {
      if (body.agencyId && !(await manager.exists(AgencyEntity, { where: { id: body.agencyId } }))) {
        throw invalid('agencyId', 'unknown_agency', 'is not a known agency');
      }
      const { id } = await manager.save(
        manager.create(ResponsiblePartyEntity, {
          caseId,
          kind: body.kind,
          name: body.name,
          rank: blankToNull(body.rank),
          agencyId: body.agencyId ?? null,
          position: blankToNull(body.position),
          addedById: caller.id,
        }),
      );
      const responsible = await this.find(manager, caseId, id);
      await append({
        type: 'responsible.added',
        tier: RESPONSIBILITY_TIER,
        data: {
          responsibleId: id,
          kind: responsible.kind,
          name: responsible.name,
          rank: responsible.rank,
          agencyId: responsible.agencyId,
          position: responsible.position,
        } satisfies ResponsibleAddedData,
      });
      return toResponsible(responsible);
    });
  }

  /** Everyone responsible in the case, with their routes; empty below `oversight`. */
  async list(caller: AuthUser, caseId: string): Promise<Responsible[]> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    if (!canRead(clearance, RESPONSIBILITY_TIER)) return [];
    const rows = await this.db.getRepository(ResponsiblePartyEntity).find({
      where: { caseId: kase.id },
      relations: RESPONSIBLE_RELATIONS,
      order: { addedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toResponsible);
  }

  openRoute(caller: AuthUser, caseId: string, responsibleId: string, body: OpenRouteBody): Promise<ResponsibilityRoute> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, append }) => {
      const responsible = await this.find(manager, caseId, responsibleId);
      const route = await manager.save(
        manager.create(ResponsibilityRouteEntity, {
          responsibleId: responsible.id,
          route: body.route,
          article: body.article ?? null,
          openedAt: body.openedAt ? new Date(body.openedAt) : new Date(),
          openedById: caller.id,
          result: null,
          decidedAt: null,
          decidedById: null,
        }),
      );
      await append({
        type: 'route.opened',
        tier: RESPONSIBILITY_TIER,
        data: {
          responsibleId: responsible.id,
          routeId: route.id,
          route: route.route,
          article: route.article,
          openedAt: route.openedAt.toISOString(),
        } satisfies RouteOpenedData,
      });
      return toRoute(route);
    });
  }

  /** Records the result of a route: once. */
  decideRoute(caller: AuthUser, caseId: string, responsibleId: string, routeId: string, body: DecideRouteBody): Promise<ResponsibilityRoute> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, append }) => {
      const responsible = await this.find(manager, caseId, responsibleId);
      const route = await manager.findOne(ResponsibilityRouteEntity, { where: { id: routeId, responsibleId: responsible.id } });
      if (!route) throw notFound('Route');
      if (route.result !== null) throw conflict('The result of this route is recorded already', [detail('result', 'recorded_already', 'is recorded already')]);
      const decidedAt = body.decidedAt ? new Date(body.decidedAt) : new Date();
      if (decidedAt.getTime() < route.openedAt.getTime()) throw invalid('decidedAt', 'not_before', 'must not be before the route was opened', { other: 'openedAt' });
      await manager.update(ResponsibilityRouteEntity, { id: route.id }, { result: body.result, decidedAt, decidedById: caller.id });
      await append({
        type: 'route.decided',
        tier: RESPONSIBILITY_TIER,
        data: {
          responsibleId: responsible.id,
          routeId: route.id,
          route: route.route,
          result: body.result,
          decidedAt: decidedAt.toISOString(),
        } satisfies RouteDecidedData,
      });
      return toRoute({ ...route, result: body.result, decidedAt, decidedById: caller.id });
    });
  }

  private async find(manager: EntityManager, caseId: string, responsibleId: string): Promise<ResponsiblePartyEntity> {
    const row = await manager.findOne(ResponsiblePartyEntity, { where: { id: responsibleId, caseId }, relations: RESPONSIBLE_RELATIONS });
    if (!row) throw notFound('Responsible');
    return row;
  }
}
