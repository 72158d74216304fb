import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '@vigil/api-auth';
import { AccessAudit } from './access-audit';
import { AccessLogController } from './access-log.controller';
import { CaseAccess } from './case-access';
import { CaseEventsBus } from './case-events.bus';
import { CaseEventsRelay } from './case-events.relay';
import { CasesController } from './cases.controller';
import { CaseQueries } from './case-queries';
import { CasesService } from './cases.service';
import { EventLog } from './event-log';
import { LogReplays } from './log-replays';
import { SupervisoryReads } from './supervisory-reads.interceptor';
import { VictimIdentities } from './victim-identities';

@Module({
  imports: [AuthModule],
  controllers: [CasesController, AccessLogController],
  providers: [CasesService, CaseQueries, CaseAccess, EventLog, CaseEventsBus, CaseEventsRelay, LogReplays, VictimIdentities, AccessAudit, { provide: APP_INTERCEPTOR, useClass: SupervisoryReads }],
  exports: [CasesService, CaseQueries, CaseAccess, EventLog, CaseEventsBus, LogReplays, AccessAudit],
})
export class CasesModule {}
