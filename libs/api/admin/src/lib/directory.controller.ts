import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { AgencyRef, DirectoryEntry, UnitRef } from '@vigil/contracts';
import { AdminService } from './admin.service';
import { UnitsService } from './units.service';

/** Who is who, for the people who assign work: active agencies and (to prosecutors) active accounts. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(
    private readonly admin: AdminService,
    private readonly units: UnitsService,
  ) {}

  @Get('agencies')
  @Can('directory.read')
  @ApiOperation({ summary: 'Active agencies (for hand-overs, tasks and the register of places)' })
  agencies(): Promise<AgencyRef[]> {
    return this.admin.activeAgencies();
  }

  @Get('agencies/:id/units')
  @Can('directory.read')
  @ApiOperation({ summary: 'The units of an active agency (to name the unit a report implicates)' })
  agencyUnits(@Param('id', ParseIdPipe) id: string): Promise<UnitRef[]> {
    return this.units.refs(id);
  }

  @Get('directory')
  @Can('case.manage_members')
  @ApiOperation({ summary: 'Active case workers with their units (prosecutors add members and assign tasks from it)' })
  directory(): Promise<DirectoryEntry[]> {
    return this.admin.directory();
  }
}
