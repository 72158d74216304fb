import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { detail, conflict, invalid, notFound } from '@vigil/api-core';
import { SecurityLog } from '@vigil/api-auth';
import { AgencyEntity, nameColumns, UnitEntity, unitName, unitNameKey, unitRef } from '@vigil/api-database';
import { NAME_LANGUAGES, type CreateUnitRequest, type LocalizedNames, type Unit, type UnitRef, type UpdateUnitRequest } from '@vigil/contracts';
import { requiredNames } from './names';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

const toUnit = (unit: UnitEntity): Unit => ({ ...unitRef(unit), agencyId: unit.agencyId, createdAt: unit.createdAt.toISOString() });

const taken = () => conflict('The agency has a unit of this name', [detail('name', 'taken', 'is already a unit of this agency')]);

/** Units are records of an agency: a name differing only in spacing or letter case is the same unit. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly securityLog: SecurityLog,
  ) {}

  async list(agencyId: string): Promise<Unit[]> {
    await this.agency(this.db.manager, agencyId);
    return (await this.db.getRepository(UnitEntity).find({ where: { agencyId }, order: { name: 'ASC' } })).map(toUnit);
  }

  /** For the people who register cases: the units of an active agency, to name the implicated one. */
  async refs(agencyId: string): Promise<UnitRef[]> {
    if (!(await this.db.getRepository(AgencyEntity).exists({ where: { id: agencyId, disabled: false } }))) throw notFound('Agency');
    return (await this.db.getRepository(UnitEntity).find({ where: { agencyId }, order: { name: 'ASC' } })).map(unitRef);
  }

  create(agencyId: string, body: CreateUnitRequest, adminId: string): Promise<Unit> {
    return this.unique(async (manager) => {
      await this.agency(manager, agencyId);
      const { names, key } = normalised(requiredNames(body));
      if (await manager.exists(UnitEntity, { where: { agencyId, nameKey: key } })) throw taken();
      const unit = await manager.save(manager.create(UnitEntity, { agencyId, ...nameColumns(names), nameKey: key }));
      await this.securityLog.record({ type: 'unit.created', actorId: adminId, data: { agencyId, unitId: unit.id, name: names.en } }, manager);
      return toUnit(unit);
    });
  }

  rename(agencyId: string, unitId: string, body: UpdateUnitRequest, adminId: string): Promise<Unit> {
    return this.unique(async (manager) => {
      const unit = await manager.findOne(UnitEntity, { where: { id: unitId, agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('Unit');
      const { names, key } = normalised(requiredNames(body));
      if (key !== unit.nameKey && (await manager.exists(UnitEntity, { where: { agencyId, nameKey: key } }))) throw taken();
      const previous = unit.name;
      Object.assign(unit, { ...nameColumns(names), nameKey: key });
      await manager.save(unit);
      await this.securityLog.record({ type: 'unit.renamed', actorId: adminId, data: { agencyId, unitId, name: names.en, previousName: previous } }, manager);
      return toUnit(unit);
    });
  }

  private async agency(manager: EntityManager, agencyId: string): Promise<void> {
    if (!(await manager.exists(AgencyEntity, { where: { id: agencyId } }))) throw notFound('Agency');
  }

  /** Two admins naming the same unit at once: the unique index answers the second, as a conflict. */
  private async unique<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') throw taken();
      throw error;
    }
  }
}

/** Each name as shown (trimmed, spaces collapsed), and the key of the English one, which is unique in the agency. */
function normalised(given: LocalizedNames): { names: LocalizedNames; key: string } {
  const names = { en: unitName(given.en), ru: unitName(given.ru), kk: unitName(given.kk) };
  for (const language of NAME_LANGUAGES) if (!names[language]) throw invalid('name', 'not_blank', 'must not be empty');
  return { names, key: unitNameKey(given.en) };
}
