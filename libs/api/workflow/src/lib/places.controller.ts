import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { CaseSummary, Place } from '@vigil/contracts';
import { PlacesService } from './places.service';
import { CreatePlaceBody, UpdatePlaceBody } from './workflow.dto';

@ApiTags('places')
@ApiBearerAuth()
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @ApiOperation({ summary: 'The register of places of detention' })
  list(@CurrentUser() user: AuthUser): Promise<Place[]> {
    return this.places.list(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A place and its cases that the caller may see' })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<{ place: Place; cases: CaseSummary[] }> {
    return this.places.get(user, id);
  }

  @Post()
  @Can('place.manage')
  @ApiOperation({ summary: 'Add a place to the register (prosecutors)' })
  create(@Body() body: CreatePlaceBody): Promise<Place> {
    return this.places.create(body);
  }

  @Patch(':id')
  @Can('place.manage')
  @ApiOperation({ summary: 'Edit a place of the register (prosecutors)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdatePlaceBody): Promise<Place> {
    return this.places.update(id, body);
  }
}
