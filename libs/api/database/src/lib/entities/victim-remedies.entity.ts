import { COMPENSATION_CURRENCIES, COMPENSATION_STATUSES, type CompensationCurrency, type CompensationStatus } from '@vigil/contracts';
import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';
import { CaseEntity } from './case.entity';
import { oneOfCheck } from './check';

/** numeric comes back from PostgreSQL as a string; amounts have two decimals, which a double holds exactly enough. */
const amountColumn = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** The victim's remedies in one case: rights restored and compensation. `oversight` data. */
@Entity('victim_remedies')
@Check('victim_remedies_currency_check', oneOfCheck('compensation_currency', COMPENSATION_CURRENCIES))
@Check('victim_remedies_status_check', oneOfCheck('compensation_status', COMPENSATION_STATUSES))
@Check('victim_remedies_amount_check', `compensation_amount >= 0`)
// Compensation is recorded whole or not at all.
@Check(
  'victim_remedies_compensation_check',
  `(compensation_amount IS NULL) = (compensation_currency IS NULL) AND (compensation_amount IS NULL) = (compensation_status IS NULL)`,
)
export class VictimRemediesEntity {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'rights_restored', nullable: true })
  rightsRestored!: string | null;

  @Column('numeric', { name: 'compensation_amount', precision: 14, scale: 2, nullable: true, transformer: amountColumn })
  compensationAmount!: number | null;

  @Column('text', { name: 'compensation_currency', nullable: true })
  compensationCurrency!: CompensationCurrency | null;

  @Column('text', { name: 'compensation_status', nullable: true })
  compensationStatus!: CompensationStatus | null;

  @Column('uuid', { name: 'updated_by' })
  updatedById!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @OneToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by' })
  updatedBy?: AccountEntity;
}
