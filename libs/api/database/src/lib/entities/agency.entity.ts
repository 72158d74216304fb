import { AGENCY_KINDS, type AgencyKind, type AgencyRef, type LocalizedNames, type UnitRef } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { oneOfCheck } from './check';

@Entity('agencies')
@Check('agencies_kind_check', oneOfCheck('kind', AGENCY_KINDS))
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The English name, and the name older clients read. */
  @Column('text')
  name!: string;

  @Column('text', { name: 'name_ru' })
  nameRu!: string;

  @Column('text', { name: 'name_kk' })
  nameKk!: string;

  @Column('text')
  kind!: AgencyKind;

  @Column('boolean', { default: false })
  disabled!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** An agency's or a unit's name in each UI language, as the contract sends it. */
export const namesOf = (named: { name: string; nameRu: string; nameKk: string }): LocalizedNames => ({ en: named.name, ru: named.nameRu, kk: named.nameKk });
/** The columns of names in each UI language, to write. */
export const nameColumns = (names: LocalizedNames) => ({ name: names.en, nameRu: names.ru, nameKk: names.kk });
/** An agency as every answer names it. */
export const agencyRef = (agency: AgencyEntity): AgencyRef => ({ id: agency.id, name: agency.name, names: namesOf(agency), kind: agency.kind });
/** A unit as every answer names it. */
export const unitRef = (unit: { id: string; name: string; nameRu: string; nameKk: string }): UnitRef => ({ id: unit.id, name: unit.name, names: namesOf(unit) });
