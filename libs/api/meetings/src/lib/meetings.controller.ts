import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import { EventsQuery } from '@vigil/api-cases';
import type { Acknowledgement, ActionItem, AgendaItem, AgendaSuggestion, Decision, Meeting, MeetingEventsPage, MeetingSummary, Minutes, Page, Speaker, VerifyResult } from '@vigil/contracts';
import type { Response } from 'express';
import { ActionItemsQuery, AddAgendaItemBody, AttendanceBody, CreateMeetingBody, DecisionBody, ListMeetingsQuery, NoteBody, ReorderAgendaBody } from './meetings.dto';
import { MinutesPdf } from './minutes-pdf';
import { MeetingsService } from './meetings.service';

/**
 * Operations on one meeting need only `meeting.take_part` here: the service finds the meeting first
 * (404 alike for a stranger and an unknown id), then refuses what the caller may not do in it (403).
 */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly pdf: MinutesPdf,
  ) {}

  @Post('meetings')
  @Can('meeting.convene')
  @ApiOperation({ summary: 'Convene a meeting (prosecutors): the caller chairs' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMeetingBody): Promise<Meeting> {
    return this.meetings.create(user, body);
  }

  @Get('meetings')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Meetings the caller takes part in (the chief prosecutor: all), newest first' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListMeetingsQuery): Promise<Page<MeetingSummary>> {
    return this.meetings.list(user, query);
  }

  @Get('meetings/suggestions')
  @Can('meeting.convene')
  @ApiOperation({ summary: 'Items worth discussing: overdue visits and tasks, action items still open (carried over)' })
  suggestions(@CurrentUser() user: AuthUser): Promise<{ items: AgendaSuggestion[] }> {
    return this.meetings.suggestions(user);
  }

  @Get('meetings/:id')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'A meeting, at the caller’s clearance' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Meeting> {
    return this.meetings.get(user, id);
  }

  @Post('meetings/:id/agenda')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Add a case or a topic to the agenda (chair)' })
  addItem(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: AddAgendaItemBody): Promise<AgendaItem> {
    return this.meetings.addAgendaItem(user, id, body);
  }

  @Put('meetings/:id/agenda')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Reorder the agenda (chair): every item once' })
  reorder(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: ReorderAgendaBody): Promise<AgendaItem[]> {
    return this.meetings.reorder(user, id, body.itemIds);
  }

  @Post('meetings/:id/open')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Open the session (chair)' })
  openSession(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Meeting> {
    return this.meetings.openSession(user, id);
  }

  @Post('meetings/:id/close')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Adjourn the session (chair)' })
  close(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Meeting> {
    return this.meetings.close(user, id);
  }

  @Post('meetings/:id/agenda/:itemId/current')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Move the session to this item (chair)' })
  current(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('itemId', ParseIdPipe) itemId: string): Promise<AgendaItem> {
    return this.meetings.setCurrent(user, id, itemId);
  }

  @Post('meetings/:id/attendance')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Mark an in-person attendee present (chair)' })
  attendance(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: AttendanceBody): Promise<Meeting | null> {
    return this.meetings.markAttended(user, id, body.userId);
  }

  @Post('meetings/:id/agenda/:itemId/notes')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'A note on an agenda item, at a tier' })
  note(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('itemId', ParseIdPipe) itemId: string, @Body() body: NoteBody) {
    return this.meetings.addNote(user, id, itemId, body);
  }

  @Post('meetings/:id/speakers')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Ask for the floor (any participant, in session)' })
  askFloor(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Speaker> {
    return this.meetings.askFloor(user, id);
  }

  @Post('meetings/:id/speakers/:speakerId/give')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Give the floor (chair): whoever held it finishes' })
  giveFloor(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('speakerId', ParseIdPipe) speakerId: string): Promise<Speaker> {
    return this.meetings.speaker(user, id, speakerId, 'give');
  }

  @Post('meetings/:id/speakers/:speakerId/end')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'End a turn (chair, or the speaker)' })
  endTurn(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('speakerId', ParseIdPipe) speakerId: string): Promise<Speaker> {
    return this.meetings.speaker(user, id, speakerId, 'end');
  }

  @Post('meetings/:id/agenda/:itemId/decisions')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Record a decision with its action items (chair, in session)' })
  decide(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Param('itemId', ParseIdPipe) itemId: string, @Body() body: DecisionBody): Promise<Decision> {
    return this.meetings.decide(user, id, itemId, body);
  }

  @Get('meetings/:id/events')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'The meeting’s log after `afterSeq`, in the caller’s numbering' })
  events(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Query() query: EventsQuery): Promise<MeetingEventsPage> {
    return this.meetings.events(user, id, query.afterSeq ?? 0, query.limit ?? 100);
  }

  @Get('meetings/:id/verify')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Recompute the meeting log’s hash chain' })
  verify(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<VerifyResult> {
    return this.meetings.verify(user, id);
  }

  @Get('meetings/:id/minutes')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'The minutes at the caller’s clearance' })
  minutes(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Minutes> {
    return this.meetings.minutes(user, id);
  }

  @Get('meetings/:id/minutes.pdf')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'The minutes at the caller’s clearance, as a PDF' })
  async minutesPdf(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Res() res: Response): Promise<void> {
    const minutes = await this.meetings.minutes(user, id);
    const pdf = await this.pdf.render(minutes, user.displayName);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${minutes.reference}-minutes.pdf"`);
    res.send(pdf);
  }

  @Post('meetings/:id/minutes/approve')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Approve and freeze the minutes (chair, after adjournment)' })
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Minutes> {
    return this.meetings.approveMinutes(user, id);
  }

  @Post('action-items/:id/acknowledge')
  @HttpCode(200)
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Acknowledge an action item for one’s agency: a receipt chained in the meeting’s log' })
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Acknowledgement> {
    return this.meetings.acknowledge(user, id);
  }

  @Get('action-items')
  @Can('meeting.take_part')
  @ApiOperation({ summary: 'Action items assigned to me or my agency' })
  actionItems(@CurrentUser() user: AuthUser, @Query() query: ActionItemsQuery): Promise<{ items: ActionItem[] }> {
    return this.meetings.actionItems(user, query);
  }
}
