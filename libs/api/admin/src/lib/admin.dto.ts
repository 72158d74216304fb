import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCY_KINDS,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type AgencyKind,
  type CreateAccountRequest,
  type CreateAgencyRequest,
  type Role,
  type UpdateAccountRequest,
  type UpdateAgencyRequest,
} from '@vigil/contracts';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import { mustBeOneOf, IsOmittable, MaxChars, MinChars } from '@vigil/api-core';

export class CreateAgencyBody implements CreateAgencyRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  name!: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS, mustBeOneOf(AGENCY_KINDS))
  kind!: AgencyKind;
}

export class UpdateAgencyBody implements UpdateAgencyRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxChars(200)
  name?: string;

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

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(200)
  unit?: string;

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

  @ApiPropertyOptional({ nullable: true })
  @IsOptional() // null clears the unit
  @IsString()
  @MaxChars(200)
  unit?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  onDuty?: boolean;
}
