import { RESPONSIBILITY_ROUTES, type ResponsibilityRouteKind } from '@vigil/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { ResponsiblePartyEntity } from './responsible-party.entity';
import { oneOfCheck } from './check';

/** One route of responsibility (criminal case, disciplinary proceedings, suspension) and its result. */
@Entity('responsibility_routes')
@Index('responsibility_routes_responsible_idx', ['responsibleId', 'openedAt'])
@Check('responsibility_routes_route_check', oneOfCheck('route', RESPONSIBILITY_ROUTES))
// A criminal case is opened under an article of the criminal code.
@Check('responsibility_routes_article_check', `route <> 'criminal' OR article IS NOT NULL`)
@Check('responsibility_routes_decided_check', `(result IS NULL) = (decided_at IS NULL)`)
export class ResponsibilityRouteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'responsible_id' })
  responsibleId!: string;

  @Column('text')
  route!: ResponsibilityRouteKind;

  @Column('text', { nullable: true })
  article!: string | null;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('uuid', { name: 'opened_by' })
  openedById!: string;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { name: 'decided_by', nullable: true })
  decidedById!: string | null;

  @ManyToOne(() => ResponsiblePartyEntity, (responsible) => responsible.routes, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_id' })
  responsible?: ResponsiblePartyEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by' })
  openedBy?: AccountEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'decided_by' })
  decidedBy?: AccountEntity | null;
}
