import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, mustBeOneOf, Nested, Trim, MaxChars } from '@vigil/api-core';
import {
  COMPENSATION_CURRENCIES,
  COMPENSATION_MAX_AMOUNT,
  COMPENSATION_STATUSES,
  type Compensation,
  type CompensationCurrency,
  type CompensationStatus,
  type PutRemediesRequest,
} from '@vigil/contracts';
import { IsIn, IsNumber, IsString, Max, Min } from 'class-validator';

export class CompensationBody implements Compensation {
  @ApiProperty({ minimum: 0, maximum: COMPENSATION_MAX_AMOUNT, description: 'Up to two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'must be a number with at most two decimals' })
  @Min(0)
  @Max(COMPENSATION_MAX_AMOUNT)
  amount!: number;

  @ApiProperty({ enum: COMPENSATION_CURRENCIES })
  @IsIn(COMPENSATION_CURRENCIES, mustBeOneOf(COMPENSATION_CURRENCIES))
  currency!: CompensationCurrency;

  @ApiProperty({ enum: COMPENSATION_STATUSES })
  @IsIn(COMPENSATION_STATUSES, mustBeOneOf(COMPENSATION_STATUSES))
  status!: CompensationStatus;
}

/** The whole remedies record: a field left out is cleared. */
export class PutRemediesBody implements PutRemediesRequest {
  @ApiPropertyOptional({ maxLength: 4000, description: 'The rights restored to the victim' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(4000)
  rightsRestored?: string;

  @ApiPropertyOptional({ type: CompensationBody })
  @IsOmittable()
  @Nested(() => CompensationBody)
  compensation?: CompensationBody;
}
