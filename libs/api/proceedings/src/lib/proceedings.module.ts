import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { ExaminationsController } from './examinations.controller';
import { ExaminationsService } from './examinations.service';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';
import { RemediesController } from './remedies.controller';
import { RemediesService } from './remedies.service';
import { ResponsibilityController } from './responsibility.controller';
import { ResponsibilityService } from './responsibility.service';

/** Forensic examinations and the outcome of a case: those responsible, remedial measures, the victim's remedies. */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [ExaminationsController, ResponsibilityController, MeasuresController, RemediesController],
  providers: [ExaminationsService, ResponsibilityService, MeasuresService, RemediesService],
})
export class ProceedingsModule {}
