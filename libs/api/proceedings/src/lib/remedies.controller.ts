import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Remedies } from '@vigil/contracts';
import { PutRemediesBody } from './remedies.dto';
import { RemediesService } from './remedies.service';

@ApiTags('remedies')
@ApiBearerAuth()
@Controller('cases/:id/remedies')
export class RemediesController {
  constructor(private readonly remedies: RemediesService) {}

  @Get()
  @ApiOperation({ summary: "The victim's remedies (oversight: NOT_FOUND for police and observers)" })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Remedies> {
    return this.remedies.get(user, id);
  }

  @Put()
  @ApiOperation({ summary: "Record the victim's remedies as a whole (prosecutor, chief prosecutor): a field left out is cleared" })
  put(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: PutRemediesBody): Promise<Remedies> {
    return this.remedies.put(user, id, body);
  }
}
