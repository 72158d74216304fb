import { Module } from '@nestjs/common';
import { AuthModule } from '@vigil/api-auth';
import { CaseAccess } from './case-access';
import { CaseEventsBus } from './case-events.bus';
import { CaseEventsRelay } from './case-events.relay';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { EventLog } from './event-log';
import { LogReplays } from './log-replays';

@Module({
  imports: [AuthModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAccess, EventLog, CaseEventsBus, CaseEventsRelay, LogReplays],
  exports: [CasesService, CaseAccess, EventLog, CaseEventsBus, LogReplays],
})
export class CasesModule {}
