import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentUser, type AuthUser } from '@vigil/api-auth';
import { ParseIdPipe } from '@vigil/api-core';
import type { Account, Agency } from '@vigil/contracts';
import { CreateAccountBody, CreateAgencyBody, UpdateAccountBody, UpdateAgencyBody } from './admin.dto';
import { AdminService } from './admin.service';

@ApiTags('admin')
@ApiBearerAuth()
@Can('admin.manage')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('agencies')
  @ApiOperation({ summary: 'Every agency' })
  agencies(): Promise<Agency[]> {
    return this.admin.agencies();
  }

  @Post('agencies')
  @ApiOperation({ summary: 'Create an agency' })
  createAgency(@Body() body: CreateAgencyBody): Promise<Agency> {
    return this.admin.createAgency(body);
  }

  @Patch('agencies/:id')
  @ApiOperation({ summary: 'Rename, disable or re-enable an agency (its kind never changes)' })
  updateAgency(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateAgencyBody): Promise<Agency> {
    return this.admin.updateAgency(id, body);
  }

  @Get('accounts')
  @ApiOperation({ summary: 'Every account' })
  accounts(): Promise<Account[]> {
    return this.admin.accounts();
  }

  @Post('accounts')
  @ApiOperation({ summary: 'Create an account; its role must fit its agency’s kind' })
  createAccount(@Body() body: CreateAccountBody): Promise<Account> {
    return this.admin.createAccount(body);
  }

  @Patch('accounts/:id')
  @ApiOperation({ summary: 'Edit, disable or re-enable an account; disabling ends its sessions at once' })
  updateAccount(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateAccountBody, @CurrentUser() admin: AuthUser): Promise<Account> {
    return this.admin.updateAccount(id, body, admin.id);
  }
}
