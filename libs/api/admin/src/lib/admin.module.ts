import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { DirectoryController } from './directory.controller';
import { RoleGrantsController, SecurityLogController } from './role-grants.controller';
import { RoleGrantsService } from './role-grants.service';
import { UnitsService } from './units.service';

@Module({
  imports: [AuthModule, CasesModule],
  controllers: [AdminController, DirectoryController, RoleGrantsController, SecurityLogController],
  providers: [AdminService, RoleGrantsService, UnitsService],
})
export class AdminModule {}
