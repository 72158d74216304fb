import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_KINDS,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type AgencyKind,
  type CreateAccountRequest,
  type CreateAgencyRequest,
  type CreateUnitRequest,
  type LocalizedNames,
  ROLE_GRANT_STATUSES,
  SECURITY_LOG_PAGE_MAX,
  type Role,
  type RoleGrantStatus,
  type UpdateAccountRequest,
  type UpdateAgencyRequest,
  type UpdateUnitRequest,
} from '@vigil/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { mustBeOneOf, IsOmittable, MaxChars, MinChars, Nested, NotBlank, Trim } from '@vigil/api-core';

/** A name in each UI language: each trimmed, none blank. */
export class NamesBody implements LocalizedNames {
  @ApiProperty({ description: 'English' })
  @IsString()
  @Trim()
  @NotBlank()
  @MaxChars(200)
  en!: string;

  @ApiProperty({ description: 'Russian' })
  @IsString()
  @Trim()
  @NotBlank()
  @MaxChars(200)
  ru!: string;

  @ApiProperty({ description: 'Kazakh' })
  @IsString()
  @Trim()
  @NotBlank()
  @MaxChars(200)
  kk!: string;
}

export class CreateAgencyBody implements CreateAgencyRequest {
  @ApiPropertyOptional({ description: 'The name in all three languages, for clients that send one (names wins)' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  name?: string;

  @ApiPropertyOptional({ type: NamesBody, description: 'The name in each UI language; this or name is required' })
  @IsOmittable()
  @Nested(() => NamesBody)
  names?: NamesBody;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS, mustBeOneOf(AGENCY_KINDS))
  kind!: AgencyKind;
}

export class UpdateAgencyBody implements UpdateAgencyRequest {
  @ApiPropertyOptional({ description: 'Taken for all three languages (names wins)' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  name?: string;

  @ApiPropertyOptional({ type: NamesBody })
  @IsOmittable()
  @Nested(() => NamesBody)
  names?: NamesBody;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;
}

export class CreateAccountBody implements CreateAccountRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxChars(320)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  displayName!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinChars(PASSWORD_MIN_LENGTH)
  @MaxChars(1024)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, mustBeOneOf(ROLES))
  role!: Role;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A unit of the account’s agency' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  onDuty?: boolean;
}

export class UpdateAccountBody implements UpdateAccountRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES, mustBeOneOf(ROLES))
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId?: string;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @IsOmittable()
  @IsString()
  @MinChars(PASSWORD_MIN_LENGTH)
  @MaxChars(1024)
  password?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'A unit of the account’s agency; null for none' })
  @IsOptional() // null clears the unit
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  onDuty?: boolean;
}

export class CreateUnitBody implements CreateUnitRequest {
  @ApiPropertyOptional({ description: 'Trimmed, spaces collapsed; unique in the agency whatever the letter case; taken for all three languages (names wins)' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  name?: string;

  @ApiPropertyOptional({ type: NamesBody, description: 'The name in each UI language; this or name is required. The English one is unique in the agency' })
  @IsOmittable()
  @Nested(() => NamesBody)
  names?: NamesBody;
}

export class UpdateUnitBody extends CreateUnitBody implements UpdateUnitRequest {}

export class RoleGrantsQuery {
  @ApiPropertyOptional({ enum: ROLE_GRANT_STATUSES })
  @IsOmittable()
  @IsIn(ROLE_GRANT_STATUSES, mustBeOneOf(ROLE_GRANT_STATUSES))
  status?: RoleGrantStatus;
}

export class SecurityLogQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOmittable()
  @IsString()
  @MaxChars(20)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SECURITY_LOG_PAGE_MAX })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SECURITY_LOG_PAGE_MAX)
  limit?: number;
}
