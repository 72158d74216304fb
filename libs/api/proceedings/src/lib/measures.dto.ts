import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, MUST_BE_ISO_TIME, mustBeOneOf, Trim } from '@vigil/api-core';
import { PROSECUTORIAL_ACTS, type AdoptMeasureRequest, type CompleteMeasureRequest, type ProsecutorialAct } from '@vigil/contracts';
import { IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class AdoptMeasureBody implements AdoptMeasureRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'The cause or condition found that allowed the violation' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  cause!: string;

  @ApiProperty({ enum: PROSECUTORIAL_ACTS, description: 'The act of prosecutorial response' })
  @IsIn(PROSECUTORIAL_ACTS, mustBeOneOf(PROSECUTORIAL_ACTS))
  act!: ProsecutorialAct;

  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'What must be done' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency that must carry it out; its members may record completion' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  addressedToAgencyId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, MUST_BE_ISO_TIME)
  dueAt!: string;
}

const DONE = ['done'] as const;

export class CompleteMeasureBody implements CompleteMeasureRequest {
  @ApiProperty({ enum: DONE })
  @IsIn(DONE, mustBeOneOf(DONE))
  status!: 'done';

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'What was done' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  completionNote!: string;
}
