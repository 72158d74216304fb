import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { RemedialMeasure } from '@vigil/contracts';
import { AdoptMeasureBody, CompleteMeasureBody } from './measures.dto';
import { MeasuresService } from './measures.service';

@ApiTags('measures')
@ApiBearerAuth()
@Controller('cases/:id/measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Post()
  @ApiOperation({ summary: 'Adopt a remedial measure against a cause found (prosecutor, chief prosecutor); state tier' })
  adopt(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: AdoptMeasureBody): Promise<RemedialMeasure> {
    return this.measures.adopt(user, id, body);
  }

  @Get()
  @ApiOperation({ summary: 'The remedial measures, with overdue flags (empty for observers)' })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<RemedialMeasure[]> {
    return this.measures.list(user, id);
  }

  @Patch(':measureId')
  @ApiOperation({ summary: 'Record a measure as done, once (prosecutors, or a member of the agency it is addressed to)' })
  complete(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('measureId', ParseIdPipe) measureId: string,
    @Body() body: CompleteMeasureBody,
  ): Promise<RemedialMeasure> {
    return this.measures.complete(user, id, measureId, body);
  }
}
