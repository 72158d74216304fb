import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@vigil/api-auth';
import { CaseAccess, CasesService } from '@vigil/api-cases';
import { notFound } from '@vigil/api-core';
import { VictimRemediesEntity } from '@vigil/api-database';
import { canRead, REMEDIES_TIER, type Remedies, type RemediesUpdatedData, type Tier } from '@vigil/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { blankToNull } from './dto-helpers';
import type { PutRemediesBody } from './remedies.dto';
import { toRemedies } from './views';

/** The victim's remedies: rights restored and compensation. `oversight`: they touch the victim. */
@Injectable()
export class RemediesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly access: CaseAccess,
  ) {}

  async get(caller: AuthUser, caseId: string): Promise<Remedies> {
    const { kase, clearance } = await this.access.authorize(caller, caseId, 'case.read');
    return this.read(this.db.manager, kase.id, clearance);
  }

  /** Replaces the record as a whole. */
  put(caller: AuthUser, caseId: string, body: PutRemediesBody): Promise<Remedies> {
    return this.cases.change(caller, caseId, 'proceedings.lead', async ({ manager, clearance, append }) => {
      const compensation = body.compensation ?? null;
      await manager.save(
        manager.create(VictimRemediesEntity, {
          caseId,
          rightsRestored: blankToNull(body.rightsRestored),
          compensationAmount: compensation?.amount ?? null,
          compensationCurrency: compensation?.currency ?? null,
          compensationStatus: compensation?.status ?? null,
          updatedById: caller.id,
          updatedAt: new Date(),
        }),
      );
      const remedies = await this.read(manager, caseId, clearance);
      // The log says whether rights were restored, never in words that could identify the victim.
      await append({
        type: 'remedies.updated',
        tier: REMEDIES_TIER,
        data: { rightsRestored: remedies.rightsRestored !== null, compensation: remedies.compensation } satisfies RemediesUpdatedData,
      });
      return remedies;
    });
  }

  /** Remedies do not exist for a clearance below `oversight`. */
  private async read(manager: EntityManager, caseId: string, clearance: Tier): Promise<Remedies> {
    if (!canRead(clearance, REMEDIES_TIER)) throw notFound('Remedies');
    const row = await manager.findOne(VictimRemediesEntity, { where: { caseId }, relations: { updatedBy: true } });
    return toRemedies(caseId, row);
  }
}
