import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_STATUSES,
  FACILITY_KINDS,
  TASK_KINDS,
  TASK_STATUSES,
  TIERS,
  type CaseStatus,
  type ChangeStatusRequest,
  type CreatePlaceRequest,
  type CreateTaskRequest,
  type FacilityKind,
  type TaskKind,
  type TaskStatus,
  type Tier,
  type UpdatePlaceRequest,
  type UpdateTaskRequest,
  STATUS_REASON_MAX_LENGTH,
} from '@vigil/contracts';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { mustBeOneOf, IsOmittable, MaxChars, IsTime } from '@vigil/api-core';


export class ChangeStatusBody implements ChangeStatusRequest {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, mustBeOneOf(CASE_STATUSES))
  to!: CaseStatus;

  @ApiPropertyOptional({ description: 'Required to refer or dismiss' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(STATUS_REASON_MAX_LENGTH)
  reason?: string;
}

export class CreatePlaceBody implements CreatePlaceRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS })
  @IsIn(FACILITY_KINDS, mustBeOneOf(FACILITY_KINDS))
  kind!: FacilityKind;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(500)
  address!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency in charge' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId?: string;

  @ApiProperty({ description: 'Whether CCTV covers the place' })
  @IsBoolean()
  cctv!: boolean;
}

export class UpdatePlaceBody implements UpdatePlaceRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  name?: string;

  @ApiPropertyOptional({ enum: FACILITY_KINDS })
  @IsOmittable()
  @IsIn(FACILITY_KINDS, mustBeOneOf(FACILITY_KINDS))
  kind?: FacilityKind;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(500)
  address?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  cctv?: boolean;
}

export class DispatchBody {
  @ApiProperty({ format: 'uuid', description: 'The prosecutor sent to the place' })
  @IsUUID('all', { message: 'must be a prosecutor id' })
  prosecutorId!: string;
}

export class ArrivalBody {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOmittable()
  @IsTime()
  arrivedAt?: string;
}

export class FindingsBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(10_000)
  findings!: string;
}

export class CreateTaskBody implements CreateTaskRequest {
  @ApiProperty({ enum: TASK_KINDS })
  @IsIn(TASK_KINDS, mustBeOneOf(TASK_KINDS))
  kind!: TaskKind;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(4000)
  details?: string;

  @ApiPropertyOptional({ enum: TIERS, description: 'Default: state' })
  @IsOmittable()
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier?: Tier;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an agency id' })
  assigneeAgencyId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a user id' })
  assigneeUserId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTime()
  dueAt!: string;
}

export class UpdateTaskBody implements UpdateTaskRequest {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOmittable()
  @IsIn(TASK_STATUSES, mustBeOneOf(TASK_STATUSES))
  status?: TaskStatus;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(10_000)
  result?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime()
  dueAt?: string;
}

export class SetClockBody {
  @ApiProperty({ format: 'date-time' })
  @IsTime()
  now!: string;
}
