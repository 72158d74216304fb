import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, mustBeOneOf, Trim, MaxChars, IsTime } from '@vigil/api-core';
import { PROSECUTORIAL_ACTS, type AdoptMeasureRequest, type CompleteMeasureRequest, type ProsecutorialAct } from '@vigil/contracts';
import { IsIn, IsNotEmpty, IsString, IsUUID } from 'class-validator';

export class AdoptMeasureBody implements AdoptMeasureRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'The cause or condition found that allowed the violation' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(2000)
  cause!: string;

  @ApiProperty({ enum: PROSECUTORIAL_ACTS, description: 'The act of prosecutorial response' })
  @IsIn(PROSECUTORIAL_ACTS, mustBeOneOf(PROSECUTORIAL_ACTS))
  act!: ProsecutorialAct;

  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'What must be done' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(4000)
  description!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency that must carry it out; its members may record completion' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  addressedToAgencyId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTime()
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
  @MaxChars(2000)
  completionNote!: string;
}
