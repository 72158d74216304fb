import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROSECUTORIAL_ACTS, type AdoptMeasureRequest, type CompleteMeasureRequest, type ProsecutorialAct } from '@vigil/contracts';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { isoTime, oneOf, Trim } from './dto-helpers';

export class AdoptMeasureBody implements AdoptMeasureRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'The cause or condition found that allowed the violation' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  cause!: string;

  @ApiProperty({ enum: PROSECUTORIAL_ACTS, description: 'The act of prosecutorial response' })
  @IsIn(PROSECUTORIAL_ACTS, oneOf(PROSECUTORIAL_ACTS))
  act!: ProsecutorialAct;

  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'What must be done' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency that must carry it out; its members may record completion' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an agency id' })
  addressedToAgencyId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, isoTime)
  dueAt!: string;
}

const DONE = ['done'] as const;

export class CompleteMeasureBody implements CompleteMeasureRequest {
  @ApiProperty({ enum: DONE })
  @IsIn(DONE, oneOf(DONE))
  status!: 'done';

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'What was done' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  completionNote!: string;
}
