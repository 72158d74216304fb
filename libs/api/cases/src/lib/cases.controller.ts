import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Case, CaseEvent, CaseMember, CaseSummary, EventsPage, Intake, Page, VerifyResult } from '@vigil/contracts';
import type { Response } from 'express';
import { AddMemberBody, CreateCaseBody, EventsQuery, ListCasesQuery, PostMessageBody } from './cases.dto';
import { CaseQueries } from './case-queries';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly queries: CaseQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a report: the creator and the prosecutors on duty become members' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCaseBody): Promise<Case> {
    return this.cases.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'My cases, newest activity first (chief prosecutor: all), with unread counts' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery): Promise<Page<CaseSummary>> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case, as the caller may see it' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Case> {
    return this.queries.get(user, id);
  }

  @Get(':id/intake')
  @ApiOperation({ summary: 'The intake record (oversight tier): 404 below it' })
  intake(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Intake> {
    return this.queries.intake(user, id);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Add a member (prosecutor, chief prosecutor): 201, or 200 if already one' })
  async addMember(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AddMemberBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseMember> {
    const { member, created } = await this.cases.addMember(user, id, body.userId);
    response.status(created ? 201 : 200);
    return member;
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member: their live connections leave the case at once' })
  removeMember(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('userId') userId: string): Promise<void> {
    return this.cases.removeMember(user, id, userId);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The events the caller may see: ascending after afterSeq, or descending before beforeSeq' })
  events(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Query() query: EventsQuery): Promise<EventsPage> {
    return this.queries.events(user, id, query);
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Post a message: 201, or 200 with the original event when the clientId was used already' })
  async postMessage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PostMessageBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseEvent> {
    const { event, created } = await this.cases.postMessage(user, id, body);
    response.status(created ? 201 : 200);
    return event;
  }

  @Get(':id/verify')
  @ApiOperation({ summary: 'Recompute the hash chain (prosecutors, ombudsman): names the first broken seq' })
  verify(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<VerifyResult> {
    return this.queries.verify(user, id);
  }
}
