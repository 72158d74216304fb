import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { IsOmittable, ParseIdPipe } from '@vigil/api-core';
import { ACCESS_LOG_PAGE_MAX, SEQ_MAX, type AccessLogEntry, type Page, type VerifyResult } from '@vigil/contracts';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { AccessAudit } from './access-audit';

/** A cursor is the server's to issue: whatever is wrong with one, it is not one of those. */
const NOT_A_CURSOR = { message: 'is not a cursor this server issued', context: { rule: 'cursor' } };

export class AccessLogQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt(NOT_A_CURSOR)
  @Min(1, NOT_A_CURSOR)
  @Max(SEQ_MAX, NOT_A_CURSOR)
  cursor?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: ACCESS_LOG_PAGE_MAX })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ACCESS_LOG_PAGE_MAX)
  limit?: number;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class AccessLogController {
  constructor(private readonly audit: AccessAudit) {}

  @Get(':id/access-log')
  @ApiOperation({ summary: 'Who read sensitive data of the case, and when, newest first (chief prosecutor, the ombudsman members)' })
  page(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Query() query: AccessLogQuery): Promise<Page<AccessLogEntry>> {
    return this.audit.page(user, id, query);
  }

  @Get(':id/access-log/verify')
  @ApiOperation({ summary: "Recompute the access log's hash chain: names the first broken entry" })
  verify(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<VerifyResult> {
    return this.audit.verify(user, id);
  }
}
