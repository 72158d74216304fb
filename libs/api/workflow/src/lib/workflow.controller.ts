import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { CaseStatus, MyWork, Task, Visit } from '@vigil/contracts';
import { ArrivalBody, ChangeStatusBody, CreateTaskBody, DispatchBody, FindingsBody, UpdateTaskBody } from './workflow.dto';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Post('cases/:id/status')
  @ApiOperation({ summary: 'Move the case along its status machine (prosecutors): 409 when the move is not allowed' })
  changeStatus(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: ChangeStatusBody): Promise<{ status: CaseStatus }> {
    return this.workflow.changeStatus(user, id, body);
  }

  @Get('cases/:id/visit')
  @ApiOperation({ summary: 'The immediate visit: its clock, who was sent, arrival, findings (oversight)' })
  visit(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Visit> {
    return this.workflow.visit(user, id);
  }

  @Post('cases/:id/visit/dispatch')
  @ApiOperation({ summary: 'Send a prosecutor to the place' })
  dispatch(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: DispatchBody): Promise<Visit> {
    return this.workflow.dispatch(user, id, body.prosecutorId);
  }

  @Post('cases/:id/visit/arrival')
  @ApiOperation({ summary: 'Record the arrival on site: stops the visit clock' })
  arrive(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: ArrivalBody): Promise<Visit> {
    return this.workflow.arrive(user, id, body);
  }

  @Post('cases/:id/visit/findings')
  @ApiOperation({ summary: 'Record the on-site findings (oversight tier)' })
  findings(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: FindingsBody): Promise<Visit> {
    return this.workflow.recordFindings(user, id, body.findings);
  }

  @Get('cases/:id/tasks')
  @ApiOperation({ summary: 'Urgent investigative actions the caller may see' })
  tasks(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Task[]> {
    return this.workflow.tasks(user, id);
  }

  @Post('cases/:id/tasks')
  @ApiOperation({ summary: 'Assign an urgent action to an agency or a person (prosecutors)' })
  createTask(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: CreateTaskBody): Promise<Task> {
    return this.workflow.createTask(user, id, body);
  }

  @Patch('cases/:id/tasks/:taskId')
  @ApiOperation({ summary: 'Report status and result (assignee), or change anything (prosecutors)' })
  updateTask(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('taskId', ParseIdPipe) taskId: string,
    @Body() body: UpdateTaskBody,
  ): Promise<Task> {
    return this.workflow.updateTask(user, id, taskId, body);
  }

  @Get('my-work')
  @Can('work.read')
  @ApiOperation({ summary: 'My open tasks, and the visits I must make or supervise' })
  myWork(@CurrentUser() user: AuthUser): Promise<MyWork> {
    return this.workflow.myWork(user);
  }
}
