import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Account, Agency, RoleGrant, Unit } from '@vigil/contracts';
import { CreateAccountBody, CreateAgencyBody, CreateUnitBody, RoleGrantsQuery, UpdateAccountBody, UpdateAgencyBody, UpdateUnitBody } from './admin.dto';
import { AdminService } from './admin.service';
import { RoleGrantsService } from './role-grants.service';
import { UnitsService } from './units.service';

@ApiTags('admin')
@ApiBearerAuth()
@Can('admin.manage')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly units: UnitsService,
    private readonly grants: RoleGrantsService,
  ) {}

  @Get('agencies')
  @ApiOperation({ summary: 'Every agency' })
  agencies(): Promise<Agency[]> {
    return this.admin.agencies();
  }

  @Post('agencies')
  @ApiOperation({ summary: 'Create an agency' })
  createAgency(@Body() body: CreateAgencyBody, @CurrentUser() admin: AuthUser): Promise<Agency> {
    return this.admin.createAgency(body, admin.id);
  }

  @Patch('agencies/:id')
  @ApiOperation({ summary: 'Rename, disable or re-enable an agency (its kind never changes)' })
  updateAgency(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateAgencyBody, @CurrentUser() admin: AuthUser): Promise<Agency> {
    return this.admin.updateAgency(id, body, admin.id);
  }

  @Get('agencies/:id/units')
  @ApiOperation({ summary: 'The units of an agency' })
  agencyUnits(@Param('id', ParseIdPipe) id: string): Promise<Unit[]> {
    return this.units.list(id);
  }

  @Post('agencies/:id/units')
  @ApiOperation({ summary: 'Add a unit to an agency; a name differing only in spacing or letter case is taken (409 `name`)' })
  createUnit(@Param('id', ParseIdPipe) id: string, @Body() body: CreateUnitBody, @CurrentUser() admin: AuthUser): Promise<Unit> {
    return this.units.create(id, body, admin.id);
  }

  @Patch('agencies/:id/units/:unitId')
  @ApiOperation({ summary: 'Rename a unit (accounts and cases name it by id: they follow)' })
  updateUnit(
    @Param('id', ParseIdPipe) id: string,
    @Param('unitId', ParseIdPipe) unitId: string,
    @Body() body: UpdateUnitBody,
    @CurrentUser() admin: AuthUser,
  ): Promise<Unit> {
    return this.units.rename(id, unitId, body, admin.id);
  }

  @Get('accounts')
  @ApiOperation({ summary: 'Every account, with its pending role grant' })
  accounts(): Promise<Account[]> {
    return this.admin.accounts();
  }

  @Post('accounts')
  @ApiOperation({ summary: 'Create an account; its role must fit its agency’s kind. A role with case access is proposed (`pendingGrant`): the account has none until a chief prosecutor approves it' })
  createAccount(@Body() body: CreateAccountBody, @CurrentUser() admin: AuthUser): Promise<Account> {
    return this.admin.createAccount(body, admin.id);
  }

  @Patch('accounts/:id')
  @ApiOperation({
    summary:
      'Edit, disable or re-enable an account. A new role with case access is proposed (`pendingGrant`); disabling, a new password, or a change of role, agency or unit ends its sessions at once',
  })
  updateAccount(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateAccountBody, @CurrentUser() admin: AuthUser): Promise<Account> {
    return this.admin.updateAccount(id, body, admin.id);
  }

  @Get('role-grants')
  @ApiOperation({ summary: 'Role grants, newest first (`?status=pending` for those awaiting a chief prosecutor)' })
  roleGrants(@Query() query: RoleGrantsQuery): Promise<RoleGrant[]> {
    return this.grants.list(query.status);
  }
}
