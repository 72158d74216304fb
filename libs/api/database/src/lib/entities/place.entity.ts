import { FACILITY_KINDS, type FacilityKind } from '@vigil/contracts';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { oneOfCheck } from './check';

/** The register of places of detention, kept by prosecutors. */
@Entity('places')
@Check('places_kind_check', oneOfCheck('kind', FACILITY_KINDS))
export class PlaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: FacilityKind;

  @Column('text')
  address!: string;

  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity | null;

  @Column('boolean', { default: false })
  cctv!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
