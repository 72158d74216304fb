import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Examination } from '@vigil/contracts';
import { AppointExaminationBody, UpdateExaminationBody } from './examinations.dto';
import { ExaminationsService } from './examinations.service';

@ApiTags('examinations')
@ApiBearerAuth()
@Controller('cases/:id/examinations')
export class ExaminationsController {
  constructor(private readonly examinations: ExaminationsService) {}

  @Post()
  @ApiOperation({ summary: 'Appoint a forensic examination (prosecutor, chief prosecutor); tier oversight or prosecution' })
  appoint(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: AppointExaminationBody): Promise<Examination> {
    return this.examinations.appoint(user, id, body);
  }

  @Get()
  @ApiOperation({ summary: "The case's examinations the caller may read (none for police and observers)" })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Examination[]> {
    return this.examinations.list(user, id);
  }

  @Get(':examinationId')
  @ApiOperation({ summary: 'One examination; NOT_FOUND above the caller’s clearance' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('examinationId', ParseIdPipe) examinationId: string,
  ): Promise<Examination> {
    return this.examinations.get(user, id, examinationId);
  }

  @Patch(':examinationId')
  @ApiOperation({
    summary: 'Edit, complete or cancel an examination (prosecutor, chief prosecutor)',
    description: 'Completing needs a conclusion, noImplicatedOfficerPresent = true and consent given (409 naming what is missing). A completed or cancelled examination is final (409).',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('examinationId', ParseIdPipe) examinationId: string,
    @Body() body: UpdateExaminationBody,
  ): Promise<Examination> {
    return this.examinations.update(user, id, examinationId, body);
  }
}
