import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { DirectoryController } from './directory.controller';

@Module({ imports: [AuthModule], controllers: [AdminController, DirectoryController], providers: [AdminService] })
export class AdminModule {}
