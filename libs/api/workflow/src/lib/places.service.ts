import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { invalid, notFound } from '@vigil/api-core';
import { CaseAccess, CaseQueries, type Caller } from '@vigil/api-cases';
import { AgencyEntity, PlaceEntity, agencyRef } from '@vigil/api-database';
import type { CaseSummary, Place } from '@vigil/contracts';
import type { DataSource } from 'typeorm';
import type { CreatePlaceBody, UpdatePlaceBody } from './workflow.dto';

/** The register of places of detention: kept by prosecutors, read by every case worker. */
@Injectable()
export class PlacesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly queries: CaseQueries,
  ) {}

  async list(caller: Caller): Promise<Place[]> {
    this.access.permit(caller, 'directory.read');
    const places = await this.db.getRepository(PlaceEntity).find({ relations: { agency: true }, order: { name: 'ASC' } });
    return places.map(toPlace);
  }

  /** A place and the cases of it that the caller may see. */
  async get(caller: Caller, id: string): Promise<{ place: Place; cases: CaseSummary[] }> {
    this.access.clearance(caller);
    const place = await this.db.getRepository(PlaceEntity).findOne({ where: { id }, relations: { agency: true } });
    if (!place) throw notFound('Place');
    const cases = await this.queries.list(caller, { placeId: id, limit: 100 });
    return { place: toPlace(place), cases: cases.items };
  }

  async create(body: CreatePlaceBody): Promise<Place> {
    const agency = await this.agency(body.agencyId);
    const repository = this.db.getRepository(PlaceEntity);
    const place = await repository.save(
      repository.create({ name: body.name.trim(), kind: body.kind, address: body.address.trim(), agencyId: agency?.id ?? null, cctv: body.cctv }),
    );
    return toPlace({ ...place, agency });
  }

  async update(id: string, body: UpdatePlaceBody): Promise<Place> {
    const repository = this.db.getRepository(PlaceEntity);
    const place = await repository.findOne({ where: { id } });
    if (!place) throw notFound('Place');
    const agency = body.agencyId !== undefined ? await this.agency(body.agencyId) : undefined;
    Object.assign(place, {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.kind !== undefined && { kind: body.kind }),
      ...(body.address !== undefined && { address: body.address.trim() }),
      ...(body.cctv !== undefined && { cctv: body.cctv }),
      ...(agency !== undefined && { agencyId: agency?.id ?? null }),
    });
    await repository.save(place);
    return toPlace((await repository.findOne({ where: { id }, relations: { agency: true } })) as PlaceEntity);
  }

  private async agency(id: string | undefined): Promise<AgencyEntity | null> {
    if (id === undefined) return null;
    const agency = await this.db.getRepository(AgencyEntity).findOneBy({ id });
    if (!agency) throw invalid('agencyId', 'unknown_agency', 'does not name an agency');
    return agency;
  }
}

function toPlace(place: PlaceEntity): Place {
  return {
    id: place.id,
    name: place.name,
    kind: place.kind,
    address: place.address,
    agency: place.agency ? agencyRef(place.agency) : null,
    cctv: place.cctv,
    createdAt: place.createdAt.toISOString(),
  };
}
