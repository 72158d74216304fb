import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, mustBeOneOf, Trim, MaxChars, IsTime } from '@vigil/api-core';
import {
  CUSTODY_NOTE_MAX_LENGTH,
  CUSTODY_RECEIVED_BY_MAX_LENGTH,
  EVIDENCE_DEFAULT_TIER,
  EVIDENCE_DESCRIPTION_MAX_LENGTH,
  EVIDENCE_MEDIA_TYPES,
  EVIDENCE_TITLE_MAX_LENGTH,
  SUPERSEDE_REASON_MAX_LENGTH,
  TIERS,
  type AddEvidenceFields,
  type SupersedeEvidenceRequest,
  type Tier,
  type TransferCustodyRequest,
} from '@vigil/contracts';
import { IsIn, IsNotEmpty, IsString, IsUUID } from 'class-validator';


/** The text fields of an upload; the file itself arrives in the multipart field `file`. */
export class AddEvidenceBody implements AddEvidenceFields {
  @ApiProperty({ minLength: 1, maxLength: EVIDENCE_TITLE_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(EVIDENCE_TITLE_MAX_LENGTH)
  title!: string;

  @ApiPropertyOptional({ maxLength: EVIDENCE_DESCRIPTION_MAX_LENGTH })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(EVIDENCE_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({ enum: TIERS, default: EVIDENCE_DEFAULT_TIER })
  @IsOmittable()
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier?: Tier;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the item was collected; default now' })
  @IsOmittable()
  @IsTime()
  collectedAt?: string;
}

/** The multipart body as documented in `/api/docs`. */
export const ADD_EVIDENCE_SCHEMA = {
  type: 'object',
  required: ['file', 'title'],
  properties: {
    file: { type: 'string', format: 'binary', description: `One of ${EVIDENCE_MEDIA_TYPES.join(', ')}, recognised from its content` },
    title: { type: 'string', minLength: 1, maxLength: EVIDENCE_TITLE_MAX_LENGTH },
    description: { type: 'string', maxLength: EVIDENCE_DESCRIPTION_MAX_LENGTH },
    tier: { type: 'string', enum: [...TIERS], default: EVIDENCE_DEFAULT_TIER },
    collectedAt: { type: 'string', format: 'date-time' },
  },
};

export class TransferCustodyBody implements TransferCustodyRequest {
  @ApiProperty({ format: 'uuid', description: 'The agency that takes the item' })
  @IsUUID('all', { message: 'must be an agency id' })
  toAgencyId!: string;

  @ApiPropertyOptional({ maxLength: CUSTODY_RECEIVED_BY_MAX_LENGTH, description: 'Name of the person who took the item' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(CUSTODY_RECEIVED_BY_MAX_LENGTH)
  receivedBy?: string;

  @ApiPropertyOptional({ maxLength: CUSTODY_NOTE_MAX_LENGTH })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxChars(CUSTODY_NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was handed over; default now, never before the previous entry' })
  @IsOmittable()
  @IsTime()
  at?: string;
}

export class SupersedeEvidenceBody implements SupersedeEvidenceRequest {
  @ApiProperty({ minLength: 1, maxLength: SUPERSEDE_REASON_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxChars(SUPERSEDE_REASON_MAX_LENGTH)
  reason!: string;
}
