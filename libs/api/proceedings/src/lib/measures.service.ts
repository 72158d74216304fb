import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@vigil/api-auth';
import { assertNoDisclosure, CaseAccess, CasesService, victimOf } from '@vigil/api-cases';
import { conflict, detail, forbidden, invalid, notFound } from '@vigil/api-core';
import { AgencyEntity, RemedialMeasureEntity } from '@vigil/api-database';
import { can, canRead, MEASURES_TIER, type MeasureAdoptedData, type MeasureCompletedData, type RemedialMeasure, type Tier } from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdoptMeasureBody, CompleteMeasureBody } from './measures.dto';
import { MEASURE_RELATIONS, toMeasure } from './views';

/**
 * The causes and conditions found and the remedial measures adopted against them, tracked to
 * completion. `state` tier: the police must carry them out; observers do not see them.
 */
@Injectable()
export class MeasuresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
  ) {}

  adopt(caller: AuthUser, caseId: string, body: AdoptMeasureBody): Promise<RemedialMeasure> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, kase, clearance, append }) => {
      assertNoDisclosure(victimOf(kase), MEASURES_TIER, { cause: body.cause, description: body.description }, false);
      if (body.addressedToAgencyId && !(await manager.exists(AgencyEntity, { where: { id: body.addressedToAgencyId } }))) {
        throw invalid('addressedToAgencyId', 'unknown_agency', 'is not a known agency');
      }
      const { id } = await manager.save(
        manager.create(RemedialMeasureEntity, {
          caseId,
          cause: body.cause,
          act: body.act,
          description: body.description,
          addressedToAgencyId: body.addressedToAgencyId ?? null,
          dueAt: new Date(body.dueAt),
          status: 'open',
          adoptedById: caller.id,
          completionNote: null,
          completedById: null,
          completedAt: null,
        }),
      );
      const measure = await this.find(manager, caseId, id, clearance);
      await append({
        type: 'measure.adopted',
        tier: MEASURES_TIER,
        data: {
          measureId: id,
          cause: measure.cause,
          act: measure.act,
          description: measure.description,
          addressedToAgencyId: measure.addressedToAgencyId,
          dueAt: measure.dueAt.toISOString(),
        } satisfies MeasureAdoptedData,
      });
      return toMeasure(measure, new Date());
    });
  }

  /** The case's measures, oldest first; empty for observers. */
  async list(caller: AuthUser, caseId: string): Promise<RemedialMeasure[]> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    if (!canRead(clearance, MEASURES_TIER)) return [];
    const rows = await this.db.getRepository(RemedialMeasureEntity).find({
      where: { caseId: kase.id },
      relations: MEASURE_RELATIONS,
      order: { adoptedAt: 'ASC', id: 'ASC' },
    });
    const now = new Date();
    return rows.map((row) => toMeasure(row, now));
  }

  /** Records a measure as done, once: by a prosecutor, or by a member of the agency it is addressed to. */
  complete(caller: AuthUser, caseId: string, measureId: string, body: CompleteMeasureBody): Promise<RemedialMeasure> {
    return this.cases.change(caller, caseId, 'case.read', async ({ manager, kase, clearance, append }) => {
      const measure = await this.find(manager, caseId, measureId, clearance);
      assertNoDisclosure(victimOf(kase), MEASURES_TIER, { completionNote: body.completionNote }, false);
      const addressed = measure.addressedToAgencyId !== null && measure.addressedToAgencyId === caller.agency.id;
      if (!can(caller.role, 'proceedings.lead') && !addressed) throw forbidden('Only prosecutors or the agency the measure is addressed to complete it', 'addressee_only');
      if (measure.status === 'done') throw conflict('The measure is done already', [detail('status', 'closed', 'is done already', { status: 'done' })]);
      await manager.update(RemedialMeasureEntity, { id: measure.id }, {
        status: body.status,
        completionNote: body.completionNote,
        completedById: caller.id,
        completedAt: new Date(),
      });
      await append({
        type: 'measure.completed',
        tier: MEASURES_TIER,
        data: { measureId: measure.id, completionNote: body.completionNote } satisfies MeasureCompletedData,
      });
      return toMeasure(await this.find(manager, caseId, measureId, clearance), new Date());
    });
  }

  /** Measures do not exist for a clearance below `state`. */
  private async find(manager: EntityManager, caseId: string, measureId: string, clearance: Tier): Promise<RemedialMeasureEntity> {
    const row = canRead(clearance, MEASURES_TIER)
      ? await manager.findOne(RemedialMeasureEntity, { where: { id: measureId, caseId }, relations: MEASURE_RELATIONS })
      : null;
    if (!row) throw notFound('Measure');
    return row;
  }
}

