import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentUser, SecurityLog, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Page, RoleGrant, SecurityLogEntry } from '@vigil/contracts';
import { RoleGrantsQuery, SecurityLogQuery } from './admin.dto';
import { RoleGrantsService } from './role-grants.service';

/** The chief prosecutor's side of four eyes: roles with case access take effect on their approval. */
@ApiTags('role grants')
@ApiBearerAuth()
@Can('role_grant.decide')
@Controller('role-grants')
export class RoleGrantsController {
  constructor(private readonly grants: RoleGrantsService) {}

  @Get()
  @ApiOperation({ summary: 'Role grants, newest first (`?status=pending` for those awaiting a decision)' })
  list(@Query() query: RoleGrantsQuery): Promise<RoleGrant[]> {
    return this.grants.list(query.status);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a pending grant: the role takes effect and the account’s sessions end. Not by its proposer nor its account (403); 409 when no longer pending' })
  approve(@Param('id', ParseIdPipe) id: string, @CurrentUser() chief: AuthUser): Promise<RoleGrant> {
    return this.grants.approve(chief, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a pending grant: the account keeps the role it had (or none)' })
  reject(@Param('id', ParseIdPipe) id: string, @CurrentUser() chief: AuthUser): Promise<RoleGrant> {
    return this.grants.reject(chief, id);
  }
}

/** Who granted, approved, changed or disabled what, and refused sign-ins: for the chief prosecutor and the ombudsman. */
@ApiTags('security log')
@ApiBearerAuth()
@Can('security_log.read')
@Controller('security-log')
export class SecurityLogController {
  constructor(private readonly log: SecurityLog) {}

  @Get()
  @ApiOperation({ summary: 'The security log, newest first; pages follow `nextCursor`' })
  page(@Query() query: SecurityLogQuery): Promise<Page<SecurityLogEntry>> {
    return this.log.page(query.cursor, query.limit);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recomputes the log’s hash chain: the first entry that does not hold, if any' })
  verify(): Promise<{ ok: boolean; length: number; firstBrokenSeq: number | null }> {
    return this.log.verify();
  }
}
