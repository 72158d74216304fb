import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Responsible, ResponsibilityRoute } from '@vigil/contracts';
import { AddResponsibleBody, DecideRouteBody, OpenRouteBody } from './responsibility.dto';
import { ResponsibilityService } from './responsibility.service';

@ApiTags('responsibility')
@ApiBearerAuth()
@Controller('cases/:id/responsible')
export class ResponsibilityController {
  constructor(private readonly responsibility: ResponsibilityService) {}

  @Post()
  @ApiOperation({ summary: 'Name a perpetrator or one responsible, a person or a unit (prosecutor, chief prosecutor); oversight tier' })
  add(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: AddResponsibleBody): Promise<Responsible> {
    return this.responsibility.add(user, id, body);
  }

  @Get()
  @ApiOperation({ summary: 'Those responsible, with their routes (empty for police and observers)' })
  list(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<Responsible[]> {
    return this.responsibility.list(user, id);
  }

  @Post(':responsibleId/routes')
  @ApiOperation({ summary: 'Open a route of responsibility: criminal case (with its article), disciplinary proceedings, suspension' })
  openRoute(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('responsibleId', ParseIdPipe) responsibleId: string,
    @Body() body: OpenRouteBody,
  ): Promise<ResponsibilityRoute> {
    return this.responsibility.openRoute(user, id, responsibleId, body);
  }

  @Patch(':responsibleId/routes/:routeId')
  @ApiOperation({ summary: 'Record the result of a route, once (again: 409)' })
  decideRoute(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('responsibleId', ParseIdPipe) responsibleId: string,
    @Param('routeId', ParseIdPipe) routeId: string,
    @Body() body: DecideRouteBody,
  ): Promise<ResponsibilityRoute> {
    return this.responsibility.decideRoute(user, id, responsibleId, routeId, body);
  }
}
