import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';

/**
 * A unit of an agency (e.g. a police department's criminal investigation unit): a record, so that
 * an officer's unit and a case's implicated unit compare by id, never by spelling.
 */
@Entity('units')
@Index('units_agency_name_key', ['agencyId', 'nameKey'], { unique: true })
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  /** The English name, and the name older clients read. */
  @Column('text')
  name!: string;

  @Column('text', { name: 'name_ru' })
  nameRu!: string;

  @Column('text', { name: 'name_kk' })
  nameKk!: string;

  /** The name trimmed, its spaces collapsed and lower-cased: one unit per spelling in an agency. */
  @Column('text', { name: 'name_key' })
  nameKey!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** A unit's name as shown: trimmed, runs of white space made one space. */
export const unitName = (name: string) => name.trim().replace(/\s+/g, ' ');
/** What makes two unit names the same unit of an agency. */
export const unitNameKey = (name: string) => unitName(name).toLowerCase();
