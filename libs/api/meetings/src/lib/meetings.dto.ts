import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_ITEM_STATUSES, MEETING_PARTICIPANTS_MAX, MEETING_STATUSES, MEETING_TEXT_MAX, MEETING_TITLE_MAX, TIERS, type ActionItemStatus, type MeetingStatus, type Tier } from '@vigil/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsOmittable, IsTime, MaxChars, mustBeOneOf, NotBlank } from '@vigil/api-core';

export class CreateMeetingBody {
  @ApiProperty({ maxLength: MEETING_TITLE_MAX })
  @IsString()
  @NotBlank()
  @MaxChars(MEETING_TITLE_MAX)
  title!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTime()
  scheduledAt!: string;

  @ApiPropertyOptional({ description: 'A room, an address, or "online"' })
  @IsOmittable()
  @IsString()
  @MaxChars(MEETING_TITLE_MAX)
  place?: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Invited accounts of any agency; the caller chairs and takes part anyway' })
  @IsArray()
  @ArrayMaxSize(MEETING_PARTICIPANTS_MAX)
  @IsUUID('all', { each: true, message: 'must be account ids' })
  participantIds!: string[];
}

export class ListMeetingsQuery {
  @ApiPropertyOptional({ enum: MEETING_STATUSES })
  @IsOmittable()
  @IsIn(MEETING_STATUSES, mustBeOneOf(MEETING_STATUSES))
  status?: MeetingStatus;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOmittable()
  @IsTime()
  to?: string;

  @ApiPropertyOptional({ description: 'From the previous page' })
  @IsOmittable()
  @IsString()
  @MaxChars(200)
  cursor?: string;
}

export class AddAgendaItemBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'A case the chair can open' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a case id' })
  caseId?: string;

  @ApiPropertyOptional({ maxLength: MEETING_TITLE_MAX })
  @IsOmittable()
  @IsString()
  @NotBlank()
  @MaxChars(MEETING_TITLE_MAX)
  topic?: string;

  @ApiProperty({ enum: TIERS })
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier!: Tier;
}

export class ReorderAgendaBody {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must be agenda item ids' })
  itemIds!: string[];
}

export class NoteBody {
  @ApiProperty({ maxLength: MEETING_TEXT_MAX })
  @IsString()
  @NotBlank()
  @MaxChars(MEETING_TEXT_MAX)
  body!: string;

  @ApiProperty({ enum: TIERS })
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier!: Tier;
}

export class ActionItemBody {
  @ApiProperty({ maxLength: MEETING_TITLE_MAX })
  @IsString()
  @NotBlank()
  @MaxChars(MEETING_TITLE_MAX)
  title!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an agency id' })
  assigneeAgencyId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be an account id' })
  assigneeUserId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTime()
  dueAt!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The item also becomes a task of this case' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a case id' })
  caseId?: string;
}

export class DecisionBody {
  @ApiProperty({ maxLength: MEETING_TEXT_MAX })
  @IsString()
  @NotBlank()
  @MaxChars(MEETING_TEXT_MAX)
  text!: string;

  @ApiProperty({ enum: TIERS })
  @IsIn(TIERS, mustBeOneOf(TIERS))
  tier!: Tier;

  @ApiProperty({ type: [ActionItemBody] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActionItemBody)
  actionItems!: ActionItemBody[];
}

export class ActionItemsQuery {
  @ApiProperty({ enum: ['me', 'agency'] })
  @IsIn(['me', 'agency'], mustBeOneOf(['me', 'agency']))
  assignedTo!: 'me' | 'agency';

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES })
  @IsOmittable()
  @IsIn(ACTION_ITEM_STATUSES, mustBeOneOf(ACTION_ITEM_STATUSES))
  status?: ActionItemStatus;
}

export class AttendanceBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be an account id' })
  userId!: string;
}

/* Socket payloads. A meeting id that is not a UUID is not found, like an unknown one. */

export class MeetingRef {
  @IsString()
  @IsNotEmpty()
  @MaxChars(100)
  meetingId!: string;
}

export class MeetingJoinPayload extends MeetingRef {
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  afterSeq?: number;
}
