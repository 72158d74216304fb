import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CasesModule } from '@vigil/api-cases';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { MinutesPdf } from './minutes-pdf';
import { MeetingClock } from './meeting-clock';

@Module({
  imports: [AuthModule, CasesModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MinutesPdf, MeetingClock],
  exports: [MeetingsService],
})
export class MeetingsModule {}
