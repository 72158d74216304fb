import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, mustBeOneOf, Trim, MaxChars, IsTime } from '@vigil/api-core';
import {
  RESPONSIBILITY_ROUTES,
  RESPONSIBLE_KINDS,
  type AddResponsibleRequest,
  type DecideRouteRequest,
  type OpenRouteRequest,
  type ResponsibilityRouteKind,
  type ResponsibleKind,
} from '@vigil/contracts';
import { IsDefined, IsIn, IsNotEmpty, IsString, IsUUID, ValidateIf } from 'class-validator';

export class AddResponsibleBody implements AddResponsibleRequest {
  @ApiProperty({ enum: RESPONSIBLE_KINDS })
  @IsIn(RESPONSIBLE_KINDS, mustBeOneOf(RESPONSIBLE_KINDS))
  kind!: ResponsibleKind;

  @ApiProperty({ minLength: 1, maxLength: 300, description: 'Full name of the person, or the name of the unit' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  name!: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(100)
  rank?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency they serve in' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(300)
  position?: string;
}

export class OpenRouteBody implements OpenRouteRequest {
  @ApiProperty({ enum: RESPONSIBILITY_ROUTES })
  @IsIn(RESPONSIBILITY_ROUTES, mustBeOneOf(RESPONSIBILITY_ROUTES))
  route!: ResponsibilityRouteKind;

  @ApiPropertyOptional({ maxLength: 100, description: 'The criminal code article: required for a criminal case' })
  @ValidateIf((body: OpenRouteBody) => body.route === 'criminal' || body.article !== undefined)
  @IsDefined({ message: 'is required for a criminal case' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(100)
  article?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOmittable()
  @IsTime()
  openedAt?: string;
}

export class DecideRouteBody implements DecideRouteRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(2000)
  result!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOmittable()
  @IsTime()
  decidedAt?: string;
}
