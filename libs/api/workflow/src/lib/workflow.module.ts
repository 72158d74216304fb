import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { PlacesController } from './places.controller';
import { PlacesService } from './places.service';
import { TestClockController } from './test-clock.controller';
import { VisitClock } from './visit-clock';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

@Module({
  imports: [AuthModule, CasesModule],
  controllers: [WorkflowController, PlacesController, TestClockController],
  providers: [WorkflowService, PlacesService, VisitClock],
})
export class WorkflowModule {}
