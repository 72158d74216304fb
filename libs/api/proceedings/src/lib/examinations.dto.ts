import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, mustBeOneOf, Nested, Trim, MaxChars, IsTime } from '@vigil/api-core';
import {
  EXAMINATION_DEFAULT_TIER,
  EXAMINATION_TIERS,
  EXAMINATION_TYPES,
  ISTANBUL_CONCLUSIONS,
  type AppointExaminationRequest,
  type ConsentRequest,
  type ExaminationTier,
  type ExaminationType,
  type IstanbulConclusion,
  type UpdateExaminationRequest,
} from '@vigil/contracts';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsString } from 'class-validator';

export class ConsentBody implements ConsentRequest {
  @ApiProperty({ description: 'Whether the examined person consented' })
  @IsBoolean()
  given!: boolean;

  @ApiProperty({ format: 'date-time', description: 'When the consent (or refusal) was recorded' })
  @IsTime()
  recordedAt!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(2000)
  note?: string;
}

export class AppointExaminationBody implements AppointExaminationRequest {
  @ApiProperty({ enum: EXAMINATION_TYPES })
  @IsIn(EXAMINATION_TYPES, mustBeOneOf(EXAMINATION_TYPES))
  type!: ExaminationType;

  @ApiProperty({ minLength: 1, maxLength: 300, description: 'The expert institution' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  institution!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTime()
  dueAt!: string;

  @ApiPropertyOptional({ enum: EXAMINATION_TIERS, default: EXAMINATION_DEFAULT_TIER, description: 'Examination content is oversight data at least' })
  @IsOmittable()
  @IsIn(EXAMINATION_TIERS, mustBeOneOf(EXAMINATION_TIERS))
  tier?: ExaminationTier;

  @ApiProperty({ type: ConsentBody })
  @IsDefined()
  @Nested(() => ConsentBody)
  consent!: ConsentBody;
}

const FINAL_STATUSES = ['completed', 'cancelled'] as const;

export class UpdateExaminationBody implements UpdateExaminationRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 300 })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  institution?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime()
  dueAt?: string;

  @ApiPropertyOptional({ type: ConsentBody, description: 'Replaces the consent record' })
  @IsOmittable()
  @Nested(() => ConsentBody)
  consent?: ConsentBody;

  @ApiPropertyOptional({ description: 'No officer of the implicated agency was present at the examination' })
  @IsOmittable()
  @IsBoolean()
  noImplicatedOfficerPresent?: boolean;

  @ApiPropertyOptional({ enum: ISTANBUL_CONCLUSIONS, description: 'Istanbul Protocol scale' })
  @IsOmittable()
  @IsIn(ISTANBUL_CONCLUSIONS, mustBeOneOf(ISTANBUL_CONCLUSIONS))
  conclusion?: IstanbulConclusion;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(4000)
  conclusionNotes?: string;

  @ApiPropertyOptional({ enum: FINAL_STATUSES, description: 'Completing needs a conclusion, the no-officer confirmation and consent' })
  @IsOmittable()
  @IsIn(FINAL_STATUSES, mustBeOneOf(FINAL_STATUSES))
  status?: (typeof FINAL_STATUSES)[number];
}
