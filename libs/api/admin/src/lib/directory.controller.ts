import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can } from '@vigil/api-auth';
import type { AgencyRef, CaseMember } from '@vigil/contracts';
import { AdminService } from './admin.service';

/** Who is who, for the people who assign work: active agencies and (to prosecutors) active accounts. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly admin: AdminService) {}

  @Get('agencies')
  @Can('directory.read')
  @ApiOperation({ summary: 'Active agencies (for hand-overs, tasks and the register of places)' })
  agencies(): Promise<AgencyRef[]> {
    return this.admin.activeAgencies();
  }

  @Get('directory')
  @Can('case.manage_members')
  @ApiOperation({ summary: 'Active case workers (prosecutors add members and assign tasks from it)' })
  directory(): Promise<CaseMember[]> {
    return this.admin.directory();
  }
}
