import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_SOURCES,
  CASE_STATUSES,
  CASES_PAGE_MAX,
  CASE_SEARCH_MAX_LENGTH,
  CASE_SORTS,
  type CaseSort,
  EVENTS_PAGE_MAX,
  FACILITY_KINDS,
  MESSAGE_MAX_LENGTH,
  REDACTION_REASON_MAX_LENGTH,
  SEQ_MAX,
  TIERS,
  ALLEGED_METHODS,
  type AllegedMethod,
  type CaseSource,
  type IntakeRequest,
  type CaseStatus,
  type CreateCaseRequest,
  type FacilityKind,
  type PostMessageRequest,
  type Tier,
} from '@vigil/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNotEmptyObject,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { mustBeOneOf, IsOmittable, Nested, MaxChars, MinChars, IsTime, NotBlank, Trim } from '@vigil/api-core';


export class FacilityBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  @NotBlank()
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS })
  @IsIn(FACILITY_KINDS, mustBeOneOf(FACILITY_KINDS))
  kind!: FacilityKind;
}

export class VictimBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(300)
  @NotBlank()
  fullName!: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(500)
  contact?: string;
}

export class AllegationBody {
  @ApiPropertyOptional({ enum: ALLEGED_METHODS, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(ALLEGED_METHODS.length)
  @IsIn(ALLEGED_METHODS, { each: true, message: `each must be one of ${ALLEGED_METHODS.join(', ')}` })
  methods?: AllegedMethod[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(4000)
  injuries?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(4000)
  witnesses?: string;
}

export class CustodyBody {
  @ApiPropertyOptional({ description: 'How the person came into custody' })
  @IsOmittable()
  @IsString()
  @MaxChars(4000)
  circumstances?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime({ past: true })
  detainedAt?: string;
}

export class ImplicatedBody {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A unit of the implicated agency' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a unit id' })
  unitId?: string;
}

/** The Istanbul Protocol's non-medical record of the allegation. */
export class IntakeBody implements IntakeRequest {
  @ApiPropertyOptional({ type: AllegationBody })
  @IsOmittable()
  @Nested(() => AllegationBody)
  allegation?: AllegationBody;

  @ApiPropertyOptional({ type: CustodyBody })
  @IsOmittable()
  @Nested(() => CustodyBody)
  custody?: CustodyBody;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(2000)
  sourceDetails?: string;

  @ApiPropertyOptional({ type: ImplicatedBody })
  @IsOmittable()
  @Nested(() => ImplicatedBody)
  implicated?: ImplicatedBody;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  reprisalRisk?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxChars(4000)
  protectionMeasures?: string;
}

export class CreateCaseBody implements CreateCaseRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxChars(2000)
  @NotBlank()
  summary!: string;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES, mustBeOneOf(CASE_SOURCES))
  source!: CaseSource;

  @ApiProperty({ type: FacilityBody, description: 'Required unless placeId names a place of the register' })
  @ValidateIf((body: CreateCaseBody) => body.placeId === undefined || body.facility !== undefined)
  @IsDefined()
  @IsNotEmptyObject()
  @Nested(() => FacilityBody)
  facility!: FacilityBody;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a place id' })
  placeId?: string;

  @ApiPropertyOptional({ type: () => IntakeBody })
  @IsOmittable()
  @IsNotEmptyObject()
  @Nested(() => IntakeBody)
  intake?: IntakeBody;

  @ApiProperty({ type: VictimBody })
  @IsDefined()
  @IsNotEmptyObject()
  @Nested(() => VictimBody)
  victim!: VictimBody;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime({ past: true })
  allegedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime({ past: true })
  receivedAt?: string;
}

const YES_NO = ['true', 'false'] as const;

/** `status=registered,investigating`: one status or several, comma-separated, each checked. */
const StatusList = () => Transform(({ value }) => (typeof value === 'string' ? [...new Set(value.split(',').map((part) => part.trim()))] : value));

export class ListCasesQuery {
  @ApiPropertyOptional({ minLength: 1, maxLength: CASE_SEARCH_MAX_LENGTH, description: "Text in the reference, summary, facility or place name, or the victim's pseudonym (the victim's name only where the caller reads it); case-insensitive" })
  @IsOmittable()
  @IsString()
  @Trim()
  @MinChars(1)
  @MaxChars(CASE_SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ description: `One status or several, comma-separated: ${CASE_STATUSES.join(', ')}`, example: 'registered,investigating' })
  @IsOmittable()
  @StatusList()
  @IsArray({ message: 'must be one status or several, comma-separated' })
  @IsIn(CASE_STATUSES, { each: true, message: `each must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cases of this place of the register' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a place id' })
  placeId?: string;

  @ApiPropertyOptional({ enum: FACILITY_KINDS })
  @IsOmittable()
  @IsIn(FACILITY_KINDS, mustBeOneOf(FACILITY_KINDS))
  facilityKind?: FacilityKind;

  @ApiPropertyOptional({ enum: YES_NO, description: 'true: only cases whose visit is overdue; false: only the others' })
  @IsOmittable()
  @IsIn(YES_NO, mustBeOneOf(YES_NO))
  overdue?: (typeof YES_NO)[number];

  @ApiPropertyOptional({ enum: YES_NO, description: "true: only cases where the caller has an open task (theirs, or their agency's unassigned)" })
  @IsOmittable()
  @IsIn(YES_NO, mustBeOneOf(YES_NO))
  assignedToMe?: (typeof YES_NO)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only cases with a member of this agency' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an agency id' })
  agencyId?: string;

  @ApiPropertyOptional({ enum: CASE_SORTS, description: 'activity (default): latest activity first; urgency: overdue visits, then the nearest deadline, then activity' })
  @IsOmittable()
  @IsIn(CASE_SORTS, mustBeOneOf(CASE_SORTS))
  sort?: CaseSort;

  @ApiPropertyOptional({ minimum: 1, maximum: CASES_PAGE_MAX })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CASES_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, with the same sort and filters' })
  @IsOmittable()
  @IsString()
  @MaxChars(400)
  cursor?: string;
}

export class EventsQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: SEQ_MAX })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SEQ_MAX })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEQ_MAX)
  beforeSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: EVENTS_PAGE_MAX })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EVENTS_PAGE_MAX)
  limit?: number;
}

export class PostMessageBody implements PostMessageRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  clientId!: string;

  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxChars(MESSAGE_MAX_LENGTH)
  @NotBlank()
  body!: string;

  @ApiProperty({ enum: TIERS })
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier!: Tier;
}

export class AddMemberBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a user id' })
  userId!: string;
}

/* Socket payloads: the same rules, with the case named in the payload. */

export class CaseRef {
  @IsString()
  @IsNotEmpty()
  @MaxChars(100)
  caseId!: string;
}

export class JoinPayload extends CaseRef {
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  afterSeq?: number;
}

export class PostMessagePayload extends PostMessageBody {
  @IsString()
  @IsNotEmpty()
  @MaxChars(100)
  caseId!: string;
}

export class EditMessagePayload extends CaseRef {
  @IsUUID('all', { message: 'must be a message id' })
  messageId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxChars(MESSAGE_MAX_LENGTH)
  @NotBlank()
  body!: string;
}

export class RedactMessagePayload extends CaseRef {
  @IsUUID('all', { message: 'must be a message id' })
  messageId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxChars(REDACTION_REASON_MAX_LENGTH)
  @NotBlank()
  reason!: string;
}

export class TypingPayload extends CaseRef {
  @IsBoolean()
  typing!: boolean;

  /** The audience of the draft: only those who may read this tier hear of it. */
  @IsOmittable()
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier?: Tier;
}

export class ReadPayload extends CaseRef {
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX)
  seq!: number;
}
